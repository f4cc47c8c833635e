import { z } from "zod";
import { classifyRole } from "@/lib/normalize/role-fit";
import { Level, RoleFamily } from "@/lib/generated/prisma/enums";
import type { RoleFit } from "@/lib/normalize/types";

export const labeledRoleSchema = z.object({
  title: z.string().trim().min(1),
  description: z.string().optional(),
  company: z.string().optional(),
  fit: z.boolean(),
  family: z.enum(Object.values(RoleFamily) as [RoleFamily, ...RoleFamily[]]),
  level: z.enum(Object.values(Level) as [Level, ...Level[]]),
});

export type LabeledRole = z.infer<typeof labeledRoleSchema>;

export interface Figure {
  name: string;
  value: number;
  /** The value the figure should reach, or null for figures reported without a goal. */
  goal: number | null;
  /** How the value compares with the goal; "≥" unless said otherwise. */
  comparison?: "≥" | "≤" | "=";
  /** Counts print as whole numbers, ratios with two decimals. */
  count?: boolean;
}

export interface Misclassified {
  example: LabeledRole;
  predicted: RoleFit;
  wrong: Array<"fit" | "family" | "level">;
}

export interface RoleEvaluation {
  total: number;
  figures: Figure[];
  misclassified: Misclassified[];
}

/** Goals from the issue; family accuracy has none there, so it gets the level-accuracy bar. */
export const ROLE_GOALS = { fitPrecision: 0.95, fitRecall: 0.95, fitF1: 0.95, familyAccuracy: 0.9, levelAccuracy: 0.9 } as const;

/** Parses a labeled JSONL set; throws with the line number on the first malformed line. */
export function parseLabeledRoles(jsonl: string): LabeledRole[] {
  const examples: LabeledRole[] = [];
  for (const [index, line] of jsonl.split("\n").entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`line ${index + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = labeledRoleSchema.safeParse(value);
    if (!parsed.success) throw new Error(`line ${index + 1}: ${z.prettifyError(parsed.error).replace(/\n/g, "; ")}`);
    examples.push(parsed.data);
  }
  if (examples.length === 0) throw new Error("the labeled set is empty");
  return examples;
}

const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? 0 : numerator / denominator);

/** Runs classifyRole over labeled examples: fit precision/recall/F1, family and level accuracy, and the misses. */
export function evaluateRoles(examples: readonly LabeledRole[]): RoleEvaluation {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let familyCorrect = 0;
  let levelCorrect = 0;
  const misclassified: Misclassified[] = [];

  for (const example of examples) {
    const predicted = classifyRole({ title: example.title, description: example.description });
    if (predicted.fit && example.fit) truePositives += 1;
    if (predicted.fit && !example.fit) falsePositives += 1;
    if (!predicted.fit && example.fit) falseNegatives += 1;
    if (predicted.family === example.family) familyCorrect += 1;
    if (predicted.level === example.level) levelCorrect += 1;

    const wrong: Misclassified["wrong"] = [];
    if (predicted.fit !== example.fit) wrong.push("fit");
    if (predicted.family !== example.family) wrong.push("family");
    if (predicted.level !== example.level) wrong.push("level");
    if (wrong.length > 0) misclassified.push({ example, predicted, wrong });
  }

  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const f1 = ratio(2 * precision * recall, precision + recall);
  // Fit mistakes first: they decide what a person sees in the listing.
  misclassified.sort((a, b) => Number(b.wrong.includes("fit")) - Number(a.wrong.includes("fit")));

  return {
    total: examples.length,
    figures: [
      { name: "fit precision", value: precision, goal: ROLE_GOALS.fitPrecision },
      { name: "fit recall", value: recall, goal: ROLE_GOALS.fitRecall },
      { name: "fit f1", value: f1, goal: ROLE_GOALS.fitF1 },
      { name: "family accuracy", value: ratio(familyCorrect, examples.length), goal: ROLE_GOALS.familyAccuracy },
      { name: "level accuracy", value: ratio(levelCorrect, examples.length), goal: ROLE_GOALS.levelAccuracy },
    ],
    misclassified,
  };
}

function meetsGoal(value: number, goal: number, comparison: NonNullable<Figure["comparison"]>): boolean {
  if (comparison === "≤") return value <= goal;
  if (comparison === "=") return value === goal;
  return value >= goal;
}

/** One report line: `fit precision: 0.97 (goal: ≥ 0.95) ok`. */
export function formatFigure(figure: Figure): string {
  const show = (number: number) => (figure.count ? String(number) : number.toFixed(2));
  if (figure.goal === null) return `${figure.name}: ${show(figure.value)}`;
  const comparison = figure.comparison ?? "≥";
  const verdict = meetsGoal(figure.value, figure.goal, comparison) ? "ok" : "SHORT";
  return `${figure.name}: ${show(figure.value)} (goal: ${comparison} ${show(figure.goal)}) ${verdict}`;
}
