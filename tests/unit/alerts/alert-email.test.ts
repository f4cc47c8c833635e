import { describe, expect, it } from "vitest";
import { alertSubject, buildAlertEmail, type AlertEmailPosting } from "@/lib/alerts/alert-email";
import { renderEmailStatic } from "@/lib/alerts/static-render";

const posting = (id: number, city: string, salary: [number | null, number | null]): AlertEmailPosting => ({
  id,
  title: "Staff ML Engineer, Inference",
  companyName: "Tensorlane",
  fitScore: 0.9,
  sortAt: new Date(Date.UTC(2026, 10, 20, id)),
  locations: [{ raw: city }],
  remote: "onsite",
  level: "staff",
  salaryMin: salary[0],
  salaryMax: salary[1],
  salaryCurrency: salary[0] === null && salary[1] === null ? null : "USD",
  salaryInterval: salary[0] === null && salary[1] === null ? null : "year",
  salaryMinUsd: salary[0],
  salaryMaxUsd: salary[1],
  sponsorsVisa: null,
  skills: ["python", "pytorch", "cuda", "triton", "kubernetes", "ray", "vllm"],
  fitReasons: ["title says Staff ML Engineer, Inference: inference and serving, staff level", "names 7 ML skills"],
});

const input = { deliveryId: "d1", to: "ada@example.com", search: { id: "s1", name: "Inference" }, siteUrl: "https://mlradar.example", secret: "x".repeat(32) };

describe("buildAlertEmail", () => {
  it("lists a role posted once per city as one entry, linking each city's posting, with the salary across them", async () => {
    const mail = await buildAlertEmail(
      {
        deliveryId: "d1",
        to: "ada@example.com",
        search: { id: "s1", name: "Inference" },
        postings: [posting(1, "New York, NY", [220_000, 260_000]), posting(2, "San Francisco, CA", [240_000, 300_000])],
        siteUrl: "https://mlradar.example",
        secret: "x".repeat(32),
      },
      renderEmailStatic,
    );
    expect(mail.subject).toBe("1 new role for “Inference”: Staff ML Engineer, Inference at Tensorlane");
    expect(mail.text).toContain("1 new role for “Inference”");
    expect(mail.html.match(/>Staff ML Engineer, Inference</g)).toHaveLength(1);
    expect(mail.html).toContain('href="https://mlradar.example/jobs/2/');
    expect(mail.html).toContain('href="https://mlradar.example/jobs/1/');
    expect(mail.text).toMatch(/San Francisco, CA[\s\S]*New York, NY/);
    expect(mail.text).toContain("$220K – $300K");
    expect(mail.text).not.toMatch(/and \d+ more/);
  });

  it("says each role's work mode, top skills and why it fits, the skills the search asks for first (in the posting's order)", async () => {
    const mail = await buildAlertEmail({ ...input, wantedSkills: ["vllm", "ray"], postings: [posting(1, "New York, NY", [220_000, 260_000])] }, renderEmailStatic);
    expect(mail.text).toContain("On-site · Staff · $220K – $260K");
    expect(mail.text).toContain("Skills: Ray, vLLM, Python, PyTorch, CUDA");
    expect(mail.text).not.toContain("Kubernetes");
    expect(mail.text).toContain("Why it fits: title says Staff ML Engineer, Inference: inference and serving, staff level");
    expect(mail.text).not.toContain("names 7 ML skills");
  });

  it("gives a salary paid in another currency as written, with its annual USD", async () => {
    const berlin = { ...posting(1, "Berlin", [108_000, 140_000]), salaryMin: 100_000, salaryMax: 130_000, salaryCurrency: "EUR" };
    const mail = await buildAlertEmail({ ...input, postings: [berlin] }, renderEmailStatic);
    expect(mail.text).toContain("On-site · Staff · €100K – €130K (≈ $108K – $140K)\n");
    expect(mail.html).toContain("€100K – €130K (≈ $108K – $140K)");
  });

  it("says when a role sponsors visas, and nothing when it does not say", async () => {
    const mail = await buildAlertEmail({ ...input, postings: [{ ...posting(1, "Berlin", [200_000, 250_000]), sponsorsVisa: true }, { ...posting(2, "Austin", [null, null]), title: "Senior ML Engineer", sponsorsVisa: false }] }, renderEmailStatic);
    expect(mail.text).toContain("On-site · Staff · $200K – $250K · Sponsors visas");
    expect(mail.text).toContain("On-site · Staff · Salary not stated\n");
    expect(mail.text.match(/Sponsors visas/g)).toHaveLength(1);
  });

  it("leaves out the skills line of a posting without skills, and keeps the posting's own order without wanted skills", async () => {
    const bare = { ...posting(1, "Berlin", [null, null]), remote: "remote", skills: [], fitReasons: [] };
    const mail = await buildAlertEmail({ ...input, postings: [bare, { ...posting(2, "Paris", [null, null]), title: "Senior ML Engineer" }] }, renderEmailStatic);
    expect(mail.text).toContain("Remote · Staff · Salary not stated");
    expect(mail.text.match(/Skills:/g)).toHaveLength(1);
    expect(mail.text).toContain("Skills: Python, PyTorch, CUDA, Triton, Kubernetes");
    expect(mail.text.match(/Why it fits:/g)).toHaveLength(1);
  });

  it("names the best match in the subject, and how many more there are", () => {
    const best = { title: "Staff ML Engineer", companyName: "Tensorlane" };
    expect(alertSubject("vLLM inference", 3, best)).toBe("3 new roles for “vLLM inference”: Staff ML Engineer at Tensorlane and 2 more");
    expect(alertSubject("vLLM inference", 1, best)).toBe("1 new role for “vLLM inference”: Staff ML Engineer at Tensorlane");
    expect(alertSubject("vLLM inference", 0, undefined)).toBe("0 new roles for “vLLM inference”");
  });
});
