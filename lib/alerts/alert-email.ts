import { render, unstableToPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { AlertDigestEmail, type AlertPosting } from "@/components/email/alert-digest-email";
import { postingPath } from "@/lib/format";
import { skillsWantedFirst } from "@/lib/search/card-skills";
import { LEVEL_LABELS, REMOTE_LABELS, skillLabel } from "@/lib/search/labels";
import { roleSalary, type SalaryFields } from "@/lib/search/role-salary";
import { signToken } from "@/lib/security/signed-token";
import { pickDigest, type DigestCandidate } from "./digest";
import type { OutgoingMail } from "./transport";

export interface AlertEmailPosting extends DigestCandidate, SalaryFields {
  locations: { raw: string }[];
  remote: string;
  level: string;
  sponsorsVisa: boolean | null;
  skills: string[];
  fitReasons: string[];
}

/** Skills named per role: enough to judge it from the email, few enough to read at a glance. */
export const EMAIL_SKILLS = 5;

export interface AlertEmailInput {
  deliveryId: string;
  to: string;
  search: { id: string; name: string };
  /** The skills the saved search asks for (wantedSkills): each role names those first. */
  wantedSkills?: readonly string[];
  postings: AlertEmailPosting[];
  siteUrl: string;
  secret: string;
}

/** The one-click unsubscribe URL of a search (RFC 8058): the token is the only credential. */
export function unsubscribeUrl(searchId: string, siteUrl: string, secret: string): string {
  return new URL(`/unsubscribe/${signToken("unsubscribe", searchId, secret)}`, siteUrl).toString();
}

/** Every posting of one delivery, behind a token only that email carries. */
export function deliveryUrl(deliveryId: string, siteUrl: string, secret: string): string {
  return new URL(`/alerts/${signToken("delivery", deliveryId, secret)}`, siteUrl).toString();
}

/** Message-ID derived from the delivery: a resend after a crash carries the same id. */
export function alertMessageId(deliveryId: string, siteUrl: string): string {
  return `<alert-${deliveryId}@${new URL(siteUrl).hostname}>`;
}

function location(posting: AlertEmailPosting): string {
  const places = posting.locations.map((l) => l.raw).filter(Boolean);
  const shown = places.slice(0, 2).join(" · ") || (REMOTE_LABELS[posting.remote] ?? "Location not stated");
  return places.length > 2 ? `${shown} +${places.length - 2}` : shown;
}

/**
 * The plain-text part, from the rendered HTML (rendering once). React Email's own formatter gives
 * our templates the same text as html-to-text at a tenth of the CPU, which bounds emails per second.
 */
export function emailText(html: string): string {
  return unstableToPlainText(html);
}

export type RenderHtml = (element: ReactElement) => Promise<string>;

/**
 * "3 new roles for “vLLM inference”: Staff ML Engineer at Tensorlane and 2 more": the best match is
 * named, so an inbox shows what is new before the email is opened.
 */
export function alertSubject(searchName: string, roles: number, best: Pick<AlertPosting, "title" | "companyName"> | undefined): string {
  const count = `${roles} new ${roles === 1 ? "role" : "roles"} for “${searchName}”`;
  if (!best) return count;
  return `${count}: ${best.title} at ${best.companyName}${roles > 1 ? ` and ${roles - 1} more` : ""}`;
}

/**
 * Subject, HTML and text parts and the list headers of one alert email. The worker passes the
 * faster renderEmailStatic (lib/alerts/static-render.ts); React Email's own render is the default
 * because this module also reaches Next.js routes (emailText), where react-dom/server is not allowed.
 */
export async function buildAlertEmail(input: AlertEmailInput, renderHtml: RenderHtml = render): Promise<OutgoingMail> {
  const { shown, roles, more } = pickDigest(input.postings);
  const postings: AlertPosting[] = shown.map((role) => {
    const [best] = role as [AlertEmailPosting, ...AlertEmailPosting[]];
    const places = role.map((posting) => ({ label: location(posting), url: new URL(postingPath(posting), input.siteUrl).toString() }));
    return {
      title: best.title,
      companyName: best.companyName,
      places,
      salary: roleSalary(role),
      level: LEVEL_LABELS[best.level] ?? best.level,
      workMode: REMOTE_LABELS[best.remote] ?? best.remote,
      sponsorsVisa: best.sponsorsVisa === true,
      skills: skillsWantedFirst(best.skills, input.wantedSkills ?? []).slice(0, EMAIL_SKILLS).map(skillLabel),
      why: best.fitReasons[0] ?? null,
      url: places[0]!.url,
    };
  });
  const unsubscribe = unsubscribeUrl(input.search.id, input.siteUrl, input.secret);
  const element = createElement(AlertDigestEmail, {
    searchName: input.search.name,
    postings,
    total: roles,
    more,
    moreUrl: deliveryUrl(input.deliveryId, input.siteUrl, input.secret),
    manageUrl: new URL("/account/searches", input.siteUrl).toString(),
    unsubscribeUrl: unsubscribe,
  });
  const html = await renderHtml(element);
  return {
    to: input.to,
    subject: alertSubject(input.search.name, roles, postings[0]),
    html,
    text: emailText(html),
    messageId: alertMessageId(input.deliveryId, input.siteUrl),
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
