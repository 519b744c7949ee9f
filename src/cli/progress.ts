// One-line progress for terminals, with a rate and an ETA; silent when the output is not a terminal (CI logs, pipes).

export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  done(): void;
}

function seconds(s: number): string {
  return s >= 90 ? `${Math.round(s / 60)} min` : `${Math.max(0, Math.round(s))} s`;
}

/** A bar of done out of total, with the rate and an ETA of the current phase (the loader's writing). */
export function createProgressBar(
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  // Rate and ETA are of the current phase (one label, one total): phases write different things at different speeds.
  let phase = "";
  let started = 0;
  return {
    update(done, total, label) {
      const t = now();
      if (`${label}\u0000${total}` !== phase) {
        phase = `${label}\u0000${total}`;
        started = t;
      }
      if (done < total && t - last < 100) return;
      last = t;
      const columns = stream.columns || 80; // 0 or undefined when the terminal does not say
      const width = Math.max(10, Math.min(40, columns - 80));
      const ratio = total === 0 ? 1 : done / total;
      const filled = Math.round(ratio * width);
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      const pct = (ratio * 100).toFixed(0).padStart(3);
      const elapsed = (t - started) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const pace = rate > 0 ? ` · ${Math.round(rate).toLocaleString("en")}/s` : "";
      const eta = rate > 0 && done < total ? ` · ETA ${seconds((total - done) / rate)}` : "";
      const line = `${bar} ${pct}% ${done.toLocaleString("en")}/${total.toLocaleString("en")}${pace}${eta} ${label}`;
      stream.write("\r" + line.padEnd(columns - 1).slice(0, columns - 1));
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r" + " ".repeat((stream.columns || 80) - 1) + "\r");
      drawn = false;
    },
  };
}

export interface RateBar {
  /** Rows read so far, and bytes read of the total when the size is known. */
  update(rows: number, bytes: number | undefined, total: number | undefined, label: string): void;
  done(): void;
}

/** A progress line for streamed feeds: rows read, rows per second and, when the size is known, an ETA. */
export function createRateBar(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): RateBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update(rows, bytes, total, label) {
      const t = now();
      if (t - last < 200) return;
      last = t;
      const elapsed = Math.max(0.001, (t - started) / 1000);
      const rate = rows / elapsed;
      const parts = [label, `${rows.toLocaleString("en")} rows`, `${Math.round(rate).toLocaleString("en")} rows/s`];
      if (bytes !== undefined && total) {
        const ratio = Math.min(1, bytes / total);
        parts.push(`${(ratio * 100).toFixed(0)}%`);
        if (ratio > 0) parts.push(`ETA ${seconds((elapsed / ratio) * (1 - ratio))}`);
      }
      const columns = stream.columns || 80;
      stream.write(
        "\r" +
          parts
            .join(" · ")
            .padEnd(columns - 1)
            .slice(0, columns - 1),
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r" + " ".repeat((stream.columns || 80) - 1) + "\r");
      drawn = false;
    },
  };
}
