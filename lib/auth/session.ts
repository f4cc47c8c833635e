import { getAuth } from "./auth";

export interface SessionUser {
  id: string;
  email: string;
  timeZone: string;
}

/** The signed-in user of a request (by its session cookie, checked against the session table), or null. */
export async function getSessionUser(headers: Pick<Headers, "get">): Promise<SessionUser | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const session = await getAuth().api.getSession({ headers: new Headers({ cookie }) });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, timeZone: session.user.timeZone ?? "UTC" };
}
