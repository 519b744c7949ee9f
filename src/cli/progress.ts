// A one-line progress bar for terminals; silent when the output is not a terminal (CI logs, pipes).

export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  done(): void;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, total, label) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const columns = stream.columns || 80; // 0 or undefined when the terminal does not say
      const width = Math.max(10, Math.min(40, columns - 60));
      const ratio = total === 0 ? 1 : done / total;
      const filled = Math.round(ratio * width);
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      const pct = (ratio * 100).toFixed(0).padStart(3);
      const line = `${bar} ${pct}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${label}`;
      stream.write("\r" + line.padEnd(columns - 1).slice(0, columns - 1));
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r" + " ".repeat((stream.columns || 80) - 1) + "\r");
      drawn = false;
    },
  };
}
