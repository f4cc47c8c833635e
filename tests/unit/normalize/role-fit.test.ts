import { describe, expect, it } from "vitest";
import { classifyRole } from "@/lib/normalize/role-fit";

describe("classifyRole", () => {
  it("fits a senior-or-above ML engineering title and says why", () => {
    const fit = classifyRole({ title: "Staff Machine Learning Engineer" });
    expect(fit).toMatchObject({ family: "ml_engineering", level: "staff", fit: true });
    expect(fit.reasons).toContain("title says Staff Machine Learning Engineer: ML engineering, staff level");
    expect(fit.score).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    "Sr. MLE",
    "Staff Software Engineer, Machine Learning",
    "ML Platform Engineer (Senior)",
    "Principal AI Engineer – LLM Inference",
    "Tech Lead, Recommendations",
    "Senior Research Engineer, Pretraining",
    "Ingénieur Machine Learning Senior",
    "Senior Machine Learning Engineer (m/w/d)",
    "Senior ML Engineer - Berlin",
    "Machine Learning Engineer (L5)",
    "Software Engineer, Machine Learning (E6)",
    "Lead AI Engineer",
  ])("fits %s", (title) => {
    expect(classifyRole({ title }).fit).toBe(true);
  });

  it.each([
    "Research Engineer, Pretraining",
    "Software Engineer, ML Infrastructure",
    "Member of Technical Staff, Inference",
    "ML Engineer, Ads Ranking (Remote)",
  ])("fits %s with a lower score and 'level not stated'", (title) => {
    const fit = classifyRole({ title });
    expect(fit.fit).toBe(true);
    expect(fit.level).toBe("unknown");
    expect(fit.reasons).toContain("level not stated");
    expect(fit.score).toBeLessThan(classifyRole({ title: `Senior ${title}` }).score);
    expect(fit.score).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ["Machine Learning Intern", "title says Intern: below target level"],
    ["Machine Learning Engineer II", "title says Engineer II: below target level"],
    ["Junior ML Engineer", "title says Junior: below target level"],
    ["Machine Learning Engineer (L4)", "title says L4: below target level"],
  ])("does not fit %s: a stated level below senior", (title, reason) => {
    const fit = classifyRole({ title });
    expect(fit.fit).toBe(false);
    expect(fit.reasons).toContain(reason);
    expect(fit.score).toBeLessThan(0.5);
  });

  it.each([
    "Senior Data Analyst",
    "ML Recruiter",
    "Sales Engineer, AI",
    "Senior Software Engineer, Frontend",
    "Machine Learning Intern",
    "Director of Product, AI",
    "Solutions Architect, GenAI",
    "Account Executive, ML Platform",
    "Technical Writer, AI",
    "Senior Research Scientist",
    "Data Scientist",
    "Engineering Manager, ML Infra",
    "Director of Machine Learning",
  ])("does not fit the hard negative %s", (title) => {
    const fit = classifyRole({ title });
    expect(fit.fit).toBe(false);
    expect(fit.score).toBeLessThan(0.5);
  });

  it("explains adjacent and other roles in words", () => {
    expect(classifyRole({ title: "ML Recruiter" }).reasons[0]).toBe("title says ML Recruiter: recruiting, not an ML engineering role");
    expect(classifyRole({ title: "Engineering Manager, ML Infra" }).reasons[0]).toBe(
      "title says Engineering Manager, ML Infra: ML engineering management, adjacent to ML engineering, lead level",
    );
    expect(classifyRole({ title: "Research Scientist" }).reasons[0]).toBe("title says Research Scientist: research scientist role, adjacent to ML engineering");
  });

  it("cites the skills a description asks for, ML skills first", () => {
    const fit = classifyRole({
      title: "Senior ML Engineer",
      description: "Python and AWS. You will own model serving with PyTorch on Kubernetes.",
    });
    expect(fit.reasons).toContain("description asks for model serving, PyTorch, Python, AWS and Kubernetes");
  });

  it("raises level and score from the description when the title is silent", () => {
    const silent = classifyRole({ title: "Research Engineer, Pretraining" });
    const described = classifyRole({
      title: "Research Engineer, Pretraining",
      description: "8+ years of experience. Distributed training with JAX on TPUs.",
    });
    expect(described.level).toBe("senior");
    expect(described.fit).toBe(true);
    expect(described.score).toBeGreaterThan(silent.score);
    expect(described.reasons).toContain("description says 8+ years of experience: senior level");
    expect(described.reasons).not.toContain("level not stated");
  });

  it("does not fit when the description sets a level below senior", () => {
    const fit = classifyRole({ title: "Machine Learning Engineer", description: "2+ years of experience training models." });
    expect(fit).toMatchObject({ level: "mid", fit: false });
    expect(fit.reasons).toContain("description says 2+ years of experience: mid level, below target level");
  });

  it("fits a bare Software Engineer title when the description is about building ML systems", () => {
    const fit = classifyRole({
      title: "Software Engineer",
      description:
        "You will build and operate model serving for our LLMs: vLLM, TensorRT-LLM, continuous batching, KV cache and quantization. Machine learning systems experience required; 7+ years of experience.",
    });
    expect(fit).toMatchObject({ fit: true, family: "inference_serving", level: "senior" });
    expect(fit.reasons[0]).toMatch(/^title says Software Engineer, description is about /);
  });

  it("keeps scores within 0..1 and orders fits above non-fits", () => {
    const titles = ["Principal ML Engineer", "ML Engineer", "ML Engineer II", "Data Scientist", "ML Recruiter"];
    const scores = titles.map((title) => classifyRole({ title }).score);
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
    for (const score of scores) expect(score).toBeLessThanOrEqual(1);
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 1);
    expect(scores[1]).toBeGreaterThan(scores[2] ?? 1);
  });
});
