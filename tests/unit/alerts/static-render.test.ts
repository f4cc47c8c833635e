import { render } from "@react-email/render";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { AlertDigestEmail } from "@/components/email/alert-digest-email";
import { SignInEmail } from "@/components/email/sign-in-email";
import { renderEmailStatic } from "@/lib/alerts/static-render";

const digest = createElement(AlertDigestEmail, {
  searchName: "Staff <roles> & “more”",
  postings: [
    { title: "Staff ML Engineer", companyName: "Vectorly", places: [{ label: "Berlin", url: "https://mlradar.example/jobs/1/a" }], salary: "$250K – $300K", level: "Staff", workMode: "Remote", sponsorsVisa: true, skills: ["PyTorch", "C++ & CUDA"], why: "title says <Staff>", url: "https://mlradar.example/jobs/1/a" },
    { title: "Senior <b>Inference</b>", companyName: "A & B", places: [{ label: "Remote", url: "https://mlradar.example/jobs/2/b?x=1&y=2" }, { label: "Paris", url: "https://mlradar.example/jobs/3/b" }], salary: null, level: "Senior", workMode: "Hybrid", sponsorsVisa: false, skills: [], why: null, url: "https://mlradar.example/jobs/2/b?x=1&y=2" },
  ],
  total: 6,
  more: 3,
  moreUrl: "https://mlradar.example/alerts/t",
  manageUrl: "https://mlradar.example/account/searches",
  unsubscribeUrl: "https://mlradar.example/unsubscribe/t",
});

/** The markers React's streaming render leaves (Suspense boundaries, text separators); not other comments. */
const withoutReactMarkers = (html: string) => html.replace(/<!--(?:\$\??|\/\$|html|head|body| )-->/g, "");

describe("renderEmailStatic", () => {
  it("makes the document React Email's render makes, without the markers of its streaming render", async () => {
    const expected = await render(digest);
    const actual = await renderEmailStatic(digest);
    expect(actual).toMatch(/^<!DOCTYPE html PUBLIC "-\/\/W3C\/\/DTD XHTML 1\.0 Transitional\/\/EN"/);
    expect(actual).not.toMatch(/<!--(?:\$|\/\$|html|head|body| )/);
    expect(actual).toBe(withoutReactMarkers(expected));
    expect(actual).toContain("Senior &lt;b&gt;Inference&lt;/b&gt;");
  });

  it("keeps a template's own comments (Outlook conditionals in React Email's Button)", async () => {
    const element = createElement(SignInEmail, { url: "https://mlradar.example/sign-in/confirm?token=abc&next=%2F", validMinutes: 10 });
    const actual = await renderEmailStatic(element);
    expect(actual).toContain("<!--[if mso]>");
    expect(actual).toBe(withoutReactMarkers(await render(element)));
  });
});
