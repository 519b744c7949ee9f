// The bad-row policy of feed loads (--max-bad-rows N or P%, default 1%): a few malformed rows in a large public feed
// are reported and skipped, but more than the limit means the file is not what the reader thinks it is, and nothing
// is written.

import type { FeedRead } from "./feed.ts";

export type BadRowLimit = { count: number } | { percent: number };

export const DEFAULT_BAD_ROW_LIMIT: BadRowLimit = { percent: 1 };

/** A bad --max-bad-rows value, or a feed over the limit (then `read` holds what was read, bad rows and all). */
export class BadRowLimitError extends Error {
  override name = "BadRowLimitError";
  constructor(
    message: string,
    readonly read?: FeedRead,
  ) {
    super(message);
  }
}

/** "25" (rows) or "0.5%" (of the rows read); throws BadRowLimitError naming the flag otherwise. */
export function parseBadRowLimit(text: string): BadRowLimit {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) {
    throw new BadRowLimitError(
      `statecraft/load: --max-bad-rows must be a number of rows (e.g. 25) or a percentage (e.g. 0.5%), got "${text}"`,
    );
  }
  const value = Number(m[1]);
  if (m[2]) {
    if (value > 100) throw new BadRowLimitError(`statecraft/load: --max-bad-rows ${text} is over 100%`);
    return { percent: value };
  }
  if (!Number.isInteger(value)) {
    throw new BadRowLimitError(`statecraft/load: --max-bad-rows ${text}: a number of rows must be whole`);
  }
  return { count: value };
}

export function formatBadRowLimit(limit: BadRowLimit): string {
  return "count" in limit ? `${limit.count} rows` : `${limit.percent}% of the rows`;
}

/** Why a read is over the limit, or undefined when within it. */
export function overBadRowLimit(
  read: Pick<FeedRead, "rows" | "bad" | "dataset">,
  limit: BadRowLimit,
): string | undefined {
  const bad = read.bad.length;
  const over = "count" in limit ? bad > limit.count : bad * 100 > limit.percent * read.rows;
  if (!over) return undefined;
  const share = read.rows === 0 ? 0 : (bad * 100) / read.rows;
  return (
    `statecraft/load: ${read.dataset.file}: ${bad} bad row${bad === 1 ? "" : "s"} of ${read.rows} ` +
    `(${share.toFixed(2)}%), over the limit of ${formatBadRowLimit(limit)}; nothing was written. ` +
    "Fix the file, or raise --max-bad-rows if these rows may be skipped."
  );
}
