/** One measured figure of an evaluation, with the goal it should meet when it has one. */
export interface EvaluationFigure {
  name: string;
  value: number;
  goal?: { op: ">=" | "<=" | "=="; value: number };
}

export function meetsGoal(figure: EvaluationFigure): boolean {
  if (!figure.goal) return true;
  const { op, value } = figure.goal;
  if (op === ">=") return figure.value >= value;
  if (op === "<=") return figure.value <= value;
  return figure.value === value;
}

/** `salary exact-match accuracy: 0.97 (goal >= 0.95) ok` */
export function formatEvaluationFigure(figure: EvaluationFigure): string {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(3);
  if (!figure.goal) return `${figure.name}: ${value}`;
  return `${figure.name}: ${value} (goal ${figure.goal.op} ${figure.goal.value}) ${meetsGoal(figure) ? "ok" : "SHORT"}`;
}

/** Parse JSON Lines with a per-line parser; errors name the line. Blank lines are skipped. */
export function parseJsonLines<T>(jsonl: string, parse: (value: unknown) => T): T[] {
  return jsonl.split("\n").flatMap((line, index) => {
    if (!line.trim()) return [];
    try {
      return [parse(JSON.parse(line))];
    } catch (error) {
      throw new Error(`line ${index + 1}: ${(error as Error).message}`, { cause: error });
    }
  });
}

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
