import { nextPathSchema, signInRequestSchema } from "@/lib/auth/schemas";
import { requestSignInLink } from "@/lib/auth/sign-in";
import { clientIp, readFormPost, seeOther } from "@/lib/security/form-post";

/** POST /api/auth/sign-in: email a sign-in link. The same answer whether or not the address has an account. */
export async function POST(request: Request) {
  const form = await readFormPost(request);
  if (!form.ok) return form.response;
  const input = signInRequestSchema.safeParse(form.fields);
  const next = encodeURIComponent(input.data?.next ?? nextPathSchema.parse(form.fields.next));
  if (!input.success) return seeOther(`/sign-in?error=email&next=${next}`);
  const result = await requestSignInLink({ email: input.data.email, next: input.data.next, ip: clientIp(request.headers) });
  if (result.status === "rate-limited") return seeOther(`/sign-in?error=rate-limited&next=${next}`);
  return seeOther(`/sign-in/sent?next=${next}`);
}
