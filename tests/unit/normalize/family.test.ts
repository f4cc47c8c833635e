import { describe, expect, it } from "vitest";
import { classifyFamily, familyFromDescription } from "@/lib/normalize/family";
import type { RoleFamily } from "@/lib/normalize/types";

const familyOf = (title: string, description?: string): RoleFamily => classifyFamily({ title, description }).family;

describe("classifyFamily", () => {
  it.each<[string, RoleFamily]>([
    ["Senior Machine Learning Engineer", "ml_engineering"],
    ["Sr. MLE", "ml_engineering"],
    ["Staff Software Engineer, Machine Learning", "ml_engineering"],
    ["Software Engineer, ML", "ml_engineering"],
    ["Tech Lead, Recommendations", "ml_engineering"],
    ["ML Engineer, Ads Ranking (Remote)", "ml_engineering"],
    ["Senior Computer Vision Engineer", "ml_engineering"],
    ["ML Platform Engineer (Senior)", "ml_infrastructure"],
    ["Software Engineer, ML Infrastructure", "ml_infrastructure"],
    ["Senior MLOps Engineer", "ml_infrastructure"],
    ["Staff Engineer, Distributed Training", "ml_infrastructure"],
    ["TPU Kernel Engineer", "ml_infrastructure"],
    ["Principal AI Engineer – LLM Inference", "inference_serving"],
    ["Member of Technical Staff, Inference", "inference_serving"],
    ["Software Engineer, Model Serving", "inference_serving"],
    ["Senior Research Engineer, Pretraining", "applied_research"],
    ["Research Engineer, Interpretability", "applied_research"],
    ["Research Engineer / Research Scientist, Vision", "applied_research"],
  ])("target: %s → %s", (title, family) => {
    expect(familyOf(title)).toBe(family);
  });

  it("names the specialty a title mentions first when it mentions several", () => {
    expect(familyOf("Staff Engineer, ML Infrastructure & Serving")).toBe("ml_infrastructure");
    expect(familyOf("Senior Software Engineer – Inference Infrastructure")).toBe("inference_serving");
  });

  it.each<[string, RoleFamily]>([
    ["Senior Data Analyst", "data_science"],
    ["Data Scientist, Machine Learning", "data_science"],
    ["Marketing Data Analyst", "data_science"],
    ["Engineering Manager, ML Infra", "ml_management"],
    ["Director of Machine Learning", "ml_management"],
    ["Research Manager, Interpretability", "ml_management"],
    ["Research Scientist", "applied_research"],
    ["Senior Applied Scientist", "applied_research"],
  ])("adjacent: %s → %s", (title, family) => {
    expect(familyOf(title)).toBe(family);
  });

  it("marks research and applied scientists as adjacent, not target", () => {
    expect(classifyFamily({ title: "Senior Research Scientist, Reward Models" }).category).toBe("scientist");
    expect(classifyFamily({ title: "Research Scientist / Engineer, Alignment" }).category).toBe("target");
  });

  it.each([
    "ML Recruiter",
    "Sales Engineer, AI",
    "Senior Software Engineer, Frontend",
    "Director of Product, AI",
    "Solutions Architect, GenAI",
    "Account Executive, ML Platform",
    "Technical Writer, AI",
    "Product Manager, Machine Learning Platform",
    "Technical Program Manager, ML Infrastructure",
    "Forward Deployed Engineer, Applied AI",
    "Forward Deployed ML Engineer",
    "Full Stack Software Engineer, Reinforcement Learning",
    "Security Engineer, Detection & Response",
    "Hardware Engineer, ML Accelerators",
    "Engineering Manager, People Products",
    "Senior Software Engineer, Data Infrastructure",
    "Linux Kernel Engineer",
    "Speech Therapist",
    "Freelance AI Trainer",
  ])("hard negative: %s → other", (title) => {
    expect(familyOf(title)).toBe("other");
  });

  it("says what kind of role a negative is", () => {
    expect(classifyFamily({ title: "ML Recruiter" }).kind).toBe("recruiting");
    expect(classifyFamily({ title: "Senior Software Engineer, Frontend" }).kind).toBe("frontend engineering");
  });

  it.each<[string, RoleFamily]>([
    ["Ingénieur Machine Learning Senior (H/F)", "ml_engineering"],
    ["KI-Ingenieur (w/m/d)", "ml_engineering"],
    ["Softwareentwickler (m/w/d) Machine Learning", "ml_engineering"],
    ["Engenheira de Aprendizado de Máquina", "ml_engineering"],
    ["Ingeniero/a de Inteligencia Artificial", "ml_engineering"],
    ["Ingénieur MLOps Senior (F/H) - Paris", "ml_infrastructure"],
    ["Cientista de Dados Sênior", "data_science"],
    ["Chef de projet IA (H/F)", "other"],
    ["Recruteur IT - Data & IA (H/F)", "other"],
    ["機械学習エンジニア (シニア)", "ml_engineering"],
    ["MLプラットフォームエンジニア", "ml_infrastructure"],
    ["大規模言語モデル 推論エンジニア", "inference_serving"],
    ["データサイエンティスト", "data_science"],
    ["フロントエンドエンジニア", "other"],
    ["高级机器学习工程师", "ml_engineering"],
    ["머신러닝 엔지니어 (시니어)", "ml_engineering"],
    ["Forschungsingenieur KI (m/w/d)", "applied_research"],
    ["Chargé(e) d'études statistiques (H/F)", "data_science"],
  ])("non-English: %s → %s", (title, family) => {
    expect(familyOf(title)).toBe(family);
  });

  it("ignores locations and teams glued onto titles", () => {
    expect(familyOf("Senior ML Engineer - Berlin")).toBe("ml_engineering");
    expect(familyOf("Senior Machine Learning Engineer | Search (London)")).toBe("ml_engineering");
    expect(familyOf("Machine Learning Engineer @ Stealth Startup")).toBe("ml_engineering");
  });

  it("finds the role behind a department prefix", () => {
    expect(familyOf("AIML - Senior Machine Learning Engineer, Siri Understanding")).toBe("ml_engineering");
    expect(familyOf("AIML - Machine Learning Research Engineer")).toBe("applied_research");
  });

  it("does not read a company or product name as the role's subject", () => {
    expect(familyOf("Backend Engineer @ Acme AI")).toBe("other");
    expect(familyOf("Software Engineer at Mistral AI")).toBe("other");
    expect(familyOf("Software Engineer, Claude.ai Growth")).toBe("other");
  });

  it("lets the role's own words outweigh a research noun, but not a team name", () => {
    expect(familyOf("Offensive Security Research Engineer, Safeguards")).toBe("other");
    expect(familyOf("Research Engineer, Frontier Red Team (Cyber)")).toBe("applied_research");
    expect(familyOf("Senior Machine Learning Engineer, Security")).toBe("ml_engineering");
  });

  it("reads a bare management qualifier as a manager role", () => {
    expect(familyOf("Principal Engineer, Machine Learning (Manager)")).toBe("ml_management");
    expect(familyOf("Applied Science Manager")).toBe("ml_management");
  });
});

describe("family from the description of a bare engineering title", () => {
  const serving =
    "You will build the systems that serve our large language models. Model serving with vLLM and TensorRT-LLM, continuous batching, KV cache management and quantization on GPUs. You have shipped machine learning systems and care about LLM latency.";

  it("uses a description clearly about building ML systems", () => {
    const evidence = classifyFamily({ title: "Software Engineer", description: serving });
    expect(evidence.family).toBe("inference_serving");
    expect(evidence.source).toBe("description");
    expect(evidence.evidence.length).toBeGreaterThan(0);
    expect(familyOf("Member of Technical Staff", serving)).toBe("inference_serving");
  });

  it("does not let an AI company's boilerplate make a product role ML", () => {
    const product = "We are an AI company building tools powered by LLMs. You will build our web app in TypeScript and React. Experience with LLM APIs is a plus.";
    expect(familyFromDescription(product)).toBeNull();
    expect(familyOf("Software Engineer", product)).toBe("other");
  });

  it("does not read the description when the title names a non-ML team", () => {
    expect(familyOf("Software Engineer, Growth", serving)).toBe("other");
    expect(familyOf("Senior Software Engineer, Frontend", serving)).toBe("other");
  });
});
