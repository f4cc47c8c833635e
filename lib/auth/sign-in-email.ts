import { render } from "@react-email/render";
import { createElement } from "react";
import { SignInEmail } from "@/components/email/sign-in-email";
import { emailText } from "@/lib/alerts/alert-email";
import type { MailTransport } from "@/lib/alerts/transport";
import { SIGN_IN_LINK_MINUTES } from "./sign-in-token";

/** The emailed link opens a confirmation page; only its POST signs in (mail scanners fetch links first). */
export function signInConfirmUrl(token: string, next: string, siteUrl: string): string {
  const url = new URL("/sign-in/confirm", siteUrl);
  url.searchParams.set("token", token);
  url.searchParams.set("next", next);
  return url.toString();
}

export async function sendSignInEmail(transport: MailTransport, to: string, url: string): Promise<void> {
  const element = createElement(SignInEmail, { url, validMinutes: SIGN_IN_LINK_MINUTES });
  const html = await render(element);
  await transport.send({ to, subject: "Your mlradar sign-in link", html, text: emailText(html) });
}
