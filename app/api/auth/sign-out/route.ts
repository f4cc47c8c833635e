import { signOut } from "@/lib/auth/sign-in";
import { readFormPost, seeOther } from "@/lib/security/form-post";

/** POST /api/auth/sign-out: end the session in the database and clear its cookies. */
export async function POST(request: Request) {
  const form = await readFormPost(request);
  if (!form.ok) return form.response;
  return seeOther("/", await signOut(request.headers));
}
