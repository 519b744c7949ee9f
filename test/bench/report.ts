// Formatting for benchmark output: figures and ratios against a baseline measured in the same run.

export interface BenchReport {
  name: string;
  rows: string[][];
  ratios: string[][];
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`;
}

export function printReport(report: BenchReport): string {
  const table = (rows: string[][]) => {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
    return rows.map((r) => "  " + r.map((c, i) => c.padEnd(widths[i]!)).join("  ")).join("\n");
  };
  const text = `\n== ${report.name}\n${table(report.rows)}\n  ratios:\n${table(report.ratios)}\n`;
  console.log(text);
  return text;
}
