import { describe, expect, it } from "vitest";
import { levelFromDescription, parseLevel, yearsOfExperience } from "@/lib/normalize/level";
import type { Level } from "@/lib/normalize/types";

const levelOf = (title: string, description?: string): Level => parseLevel({ title, description }).level;

describe("parseLevel from titles", () => {
  it.each<[string, Level]>([
    ["Senior Machine Learning Engineer", "senior"],
    ["Sr. MLE", "senior"],
    ["Sr ML Engineer", "senior"],
    ["Staff Machine Learning Engineer", "staff"],
    ["Senior Staff Software Engineer, ML", "staff"],
    ["Staff+ Software Engineer, Inference", "staff"],
    ["Principal AI Engineer – LLM Inference", "principal"],
    ["Distinguished Engineer, Machine Learning", "principal"],
    ["Lead Machine Learning Engineer", "lead"],
    ["Tech Lead, Recommendations", "lead"],
    ["Team Lead Machine Learning", "lead"],
    ["Engineering Manager, ML Infra", "lead"],
    ["Manager, Machine Learning Engineering", "lead"],
    ["Director of Machine Learning", "director"],
    ["Head of AI", "director"],
    ["VP of Machine Learning", "director"],
    ["Junior ML Engineer", "junior"],
    ["Jr. Data Scientist", "junior"],
    ["Associate Machine Learning Engineer", "junior"],
    ["New Grad Software Engineer, Machine Learning", "junior"],
    ["Mid-level Machine Learning Engineer", "mid"],
    ["Machine Learning Intern", "intern"],
    ["PhD Intern, ML Infrastructure", "intern"],
    ["Machine Learning Engineer Co-op (Fall 2025)", "intern"],
  ])("%s → %s", (title, level) => {
    expect(levelOf(title)).toBe(level);
  });

  it.each<[string, Level]>([
    ["Machine Learning Engineer (L4)", "mid"],
    ["Machine Learning Engineer (L5), Ads", "senior"],
    ["Machine Learning Engineer L6 - YouTube", "staff"],
    ["Software Engineer, Machine Learning (E5)", "senior"],
    ["Software Engineer, Machine Learning (E6)", "staff"],
    ["ML Engineer, IC3", "mid"],
    ["Machine Learning Engineer IC4", "senior"],
    ["ML Engineer (IC5)", "staff"],
    ["Software Development Engineer II, Machine Learning", "mid"],
    ["SDE III - Machine Learning", "senior"],
    ["SDE I", "junior"],
    ["Machine Learning Engineer I", "junior"],
    ["Machine Learning Engineer II", "mid"],
    ["ML Engineer 2 - Ads", "mid"],
    ["Software Engineer III, ML", "senior"],
    ["Applied Scientist II", "mid"],
    ["MTS 2, Machine Learning", "mid"],
    ["Member of Technical Staff III", "senior"],
  ])("company ladder %s → %s", (title, level) => {
    expect(levelOf(title)).toBe(level);
  });

  it.each<[string, Level]>([
    ["Ingénieur Machine Learning Senior (H/F)", "senior"],
    ["Senior Machine Learning Engineer (m/w/d)", "senior"],
    ["Engenheiro de Machine Learning Sênior", "senior"],
    ["Ingeniero/a Sr. de Inteligencia Artificial", "senior"],
    ["Engenheiro de Machine Learning Pleno", "mid"],
    ["Ingeniero de Machine Learning Semi Senior", "mid"],
    ["Werkstudent Machine Learning (m/w/d)", "intern"],
    ["Stage - Ingénieur IA (F/H)", "intern"],
    ["Estágio em Machine Learning", "intern"],
    ["Ingénieur Machine Learning confirmé", "senior"],
    ["Leiter Künstliche Intelligenz (m/w/d)", "director"],
    ["シニア機械学習エンジニア（推薦システム）", "senior"],
    ["新卒 機械学習エンジニア", "junior"],
    ["機械学習エンジニア インターン", "intern"],
    ["エンジニアリングマネージャー（バックエンド）", "lead"],
    ["资深算法工程师", "senior"],
    ["머신러닝 엔지니어 (시니어)", "senior"],
    ["Starszy Inżynier Machine Learning", "senior"],
    ["Młodszy Inżynier ML", "junior"],
  ])("non-English %s → %s", (title, level) => {
    expect(levelOf(title)).toBe(level);
  });

  it("leaves Member of Technical Staff unknown unless the text says more", () => {
    expect(levelOf("Member of Technical Staff")).toBe("unknown");
    expect(levelOf("Member of Technical Staff, Inference")).toBe("unknown");
    expect(levelOf("Senior Member of Technical Staff")).toBe("senior");
    expect(levelOf("Member of Technical Staff", "You have 10+ years of experience building distributed systems.")).toBe("staff");
  });

  it("reads job titles whose 'manager' names the job, not a people manager, as no level", () => {
    expect(levelOf("Product Manager, ML Platform")).toBe("unknown");
    expect(levelOf("Customer Success Manager - APAC")).toBe("unknown");
    expect(levelOf("Technical Program Manager, AI")).toBe("unknown");
    expect(levelOf("Senior Product Manager, AI")).toBe("senior");
  });

  it("does not read words that only look like levels", () => {
    expect(levelOf("Mid-Market Account Executive")).toBe("unknown");
    expect(levelOf("Lead Generation Specialist")).toBe("unknown");
    expect(levelOf("Software Engineer, Internal Tools")).toBe("unknown");
    expect(levelOf("Research Engineer, Pretraining")).toBe("unknown");
  });

  it("takes the highest of several levels in one title", () => {
    expect(levelOf("Senior / Staff Software Engineer, Inference")).toBe("staff");
    expect(levelOf("Senior Engineering Manager, ML Platform")).toBe("lead");
    expect(levelOf("Senior Director, AI Research")).toBe("director");
  });

  it("says where the level came from and in which words", () => {
    expect(parseLevel({ title: "Staff ML Engineer" })).toEqual({ level: "staff", source: "title", phrase: "Staff" });
    expect(parseLevel({ title: "ML Engineer II" })).toEqual({ level: "mid", source: "title", phrase: "Engineer II" });
    expect(parseLevel({ title: "ML Engineer" })).toEqual({ level: "unknown", source: "none", phrase: null });
  });
});

describe("level evidence in descriptions", () => {
  it("lets the title decide when it states a level", () => {
    expect(levelOf("Junior ML Engineer", "10+ years of experience")).toBe("junior");
  });

  it.each<[string, Level]>([
    ["Requirements: 8+ years of experience in ML.", "senior"],
    ["You have 5+ years building production ML systems.", "senior"],
    ["At least 6 years of industry experience.", "senior"],
    ["10+ years of software engineering experience", "staff"],
    ["15+ years of experience, including leading teams", "principal"],
    ["3-5 years of experience with TensorFlow", "mid"],
    ["2+ years of experience training models", "mid"],
    ["0-1 years of experience; recent graduates welcome", "junior"],
    ["Five or more years of experience with Python", "senior"],
  ])("years of experience: %s → %s", (description, level) => {
    expect(levelOf("Machine Learning Engineer", description)).toBe(level);
  });

  it("does not count years that describe the company, a vesting schedule or a time span", () => {
    expect(yearsOfExperience("We have been in business for over 20 years.")).toBeNull();
    expect(yearsOfExperience("Equity vests over 4 years with a 1 year cliff.")).toBeNull();
    expect(yearsOfExperience("Founded 12 years ago, we now serve 3,000 customers.")).toBeNull();
    expect(levelOf("ML Engineer", "Over the next 2 years you will grow our team.")).toBe("unknown");
  });

  it("takes the largest requirement when a description names several", () => {
    expect(yearsOfExperience("3+ years with PyTorch and 7+ years of software engineering experience")?.years).toBe(7);
  });

  it("reads a level the description states, an internship, and leading others", () => {
    expect(levelFromDescription("As a Senior AI Engineer, you will design RAG pipelines.")?.level).toBe("senior");
    expect(levelFromDescription("We're looking for a Staff engineer to scale serving.")?.level).toBe("staff");
    expect(levelFromDescription("This is a 12-week summer internship on our team.")?.level).toBe("intern");
    expect(levelFromDescription("You will serve as the tech lead for our ranking team.")?.level).toBe("lead");
    expect(levelFromDescription("You will lead the technical design of our fraud models.")?.level).toBe("senior");
    expect(levelFromDescription("Build models with PyTorch.")).toBeNull();
  });
});
