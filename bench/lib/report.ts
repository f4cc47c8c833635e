export type Goal = { op: ">=" | "<="; value: number };

export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal?: Goal;
  /** Shown after the goal, e.g. what the figure was measured on. */
  note?: string;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** One line per figure: `name: value unit (goal: ≥ x) ok` or `... SHORT`. */
export function figureLine(figure: Figure): string {
  const base = `${figure.name}: ${format(figure.value)} ${figure.unit}`.trimEnd();
  const note = figure.note ? ` [${figure.note}]` : "";
  if (!figure.goal) return `${base}${note}`;
  const met = figure.goal.op === ">=" ? figure.value >= figure.goal.value : figure.value <= figure.goal.value;
  return `${base} (goal: ${figure.goal.op === ">=" ? "≥" : "≤"} ${format(figure.goal.value)} ${figure.unit})${note} ${met ? "ok" : "SHORT"}`;
}

export function printFigures(figures: Figure[]): boolean {
  for (const figure of figures) console.log(figureLine(figure));
  return figures.every((f) => !f.goal || (f.goal.op === ">=" ? f.value >= f.goal.value : f.value <= f.goal.value));
}
