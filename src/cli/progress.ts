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
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 60));
      const ratio = total === 0 ? 1 : done / total;
      const filled = Math.round(ratio * width);
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      const pct = (ratio * 100).toFixed(0).padStart(3);
      stream.write(
        `\r${bar} ${pct}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${label}`
          .padEnd(stream.columns ?? 80)
          .slice(0, (stream.columns ?? 80) - 1),
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r" + " ".repeat((stream.columns ?? 80) - 1) + "\r");
      drawn = false;
    },
  };
}
