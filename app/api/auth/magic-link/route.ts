import { signInRedeemSchema } from "@/lib/auth/schemas";
import { redeemSignInLink } from "@/lib/auth/sign-in";
import { readFormPost, seeOther } from "@/lib/security/form-post";

/** POST /api/auth/magic-link: redeem a sign-in token (the confirmation page's button). Every failure gets one generic answer. */
export async function POST(request: Request) {
  const form = await readFormPost(request);
  if (!form.ok) return form.response;
  const input = signInRedeemSchema.safeParse(form.fields);
  const signedIn = input.success ? await redeemSignInLink(input.data.token) : null;
  if (!signedIn || !input.success) return seeOther("/sign-in?error=link");
  return seeOther(input.data.next, signedIn.setCookies);
}
