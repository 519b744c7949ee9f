// Text folding and match scoring for entity search, shared by every store so that "Россия", "russia", "RUSSIA"
// and "Rüssia" rank the same everywhere.

/** Lower case, accents and other combining marks removed, runs of white space folded to one space. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export interface SearchCandidate {
  name: string;
  aliases: readonly string[];
}

/** Word separators in names ("Île-de-France", "Ember Works (UK)"): a word starts after one of these. */
const SEPARATORS = /[\s\-'’.,()/]+/;
const SEPARATOR = /[\s\-'’.,()/]/;

/** How many typos a folded query may carry and still find an entity: none under 4 characters, 1 from 4, 2 from 8. */
export function typoBudget(folded: string): number {
  const length = Array.from(folded).length;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * The folded query cut into budget + 1 runs of near-equal length. A text within `budget` edits of the query holds
 * at least one run unchanged (each edit touches one run at most), so a store may take as candidates only the texts
 * containing one of them (a CONTAINS on its text index) before scoring: no typo match is missed.
 */
export function typoPieces(folded: string, budget = typoBudget(folded)): string[] {
  if (budget === 0) return [];
  const chars = Array.from(folded);
  const count = budget + 1;
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) {
    const piece = chars.slice(Math.round((i * chars.length) / count), Math.round(((i + 1) * chars.length) / count));
    if (piece.length > 0) pieces.push(piece.join(""));
  }
  return [...new Set(pieces)];
}

/**
 * A second test on typo candidates, cheap enough for a store to run before scoring: the query's two-letter pieces
 * (one per position, repeats kept) and how many of them a text must contain. An edit breaks at most two of them, so
 * a text within `budget` edits of the query keeps at least (length - 1) - 2 x budget (the q-gram lemma).
 */
export function typoBigrams(folded: string, budget = typoBudget(folded)): { bigrams: string[]; need: number } {
  const chars = Array.from(folded);
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return { bigrams, need: Math.max(0, bigrams.length - 2 * budget) };
}

/** Whether a text passes typoBigrams' test. */
export function holdsBigrams(text: string, test: { bigrams: readonly string[]; need: number }): boolean {
  if (test.need === 0) return true;
  let held = 0;
  for (const b of test.bigrams) if (text.includes(b) && ++held >= test.need) return true;
  return false;
}

/**
 * The fewest edits (a character inserted, deleted or replaced) that turn `query` into the start of `text` or the
 * start of one of its words, and the fewest for a whole word (the match ends where a word or the text ends).
 * Infinity when none is within `budget`. Both are folded, given as arrays of characters. `fromTextStart` allows
 * only the start of the text.
 */
export function typoDistance(
  query: readonly string[],
  text: readonly string[],
  budget: number,
  fromTextStart = false,
): { any: number; whole: number } {
  const m = query.length;
  const n = text.length;
  const isStart = (j: number) =>
    j === 0 || (!fromTextStart && SEPARATOR.test(text[j - 1]!) && !SEPARATOR.test(text[j]!));
  // row[j]: edits aligning the query so far with text[start..j), for the best word start `start` <= j.
  let row: number[] = [0];
  for (let j = 1; j <= n; j++) row.push(j < n && isStart(j) ? 0 : row[j - 1]! + 1);
  for (let i = 1; i <= m; i++) {
    const next: number[] = new Array<number>(n + 1);
    next[0] = i;
    let best = next[0];
    for (let j = 1; j <= n; j++) {
      const replace = row[j - 1]! + (query[i - 1] === text[j - 1] ? 0 : 1);
      next[j] = Math.min(replace, row[j]! + 1, next[j - 1]! + 1);
      if (next[j]! < best) best = next[j]!;
    }
    // Every alignment is past the budget already: stop early.
    if (best > budget) return { any: Infinity, whole: Infinity };
    row = next;
  }
  let any = Infinity;
  let whole = Infinity;
  for (let j = 1; j <= n; j++) {
    any = Math.min(any, row[j]!);
    if (j === n || SEPARATOR.test(text[j]!)) whole = Math.min(whole, row[j]!);
  }
  return { any: any <= budget ? any : Infinity, whole: whole <= budget ? whole : Infinity };
}

/**
 * Score of a typo match, below every exact tier (35): one edit 30, two 18; less 4 when the match ends inside a word,
 * 2 when it starts at a later word rather than the start, 1 for an alias. So "rusia" finds Russia before "trading
 * with Russia", and both before "Rusal".
 */
function typoScore(query: readonly string[], text: readonly string[], budget: number, alias: boolean): number {
  const anywhere = typoDistance(query, text, budget);
  if (!Number.isFinite(anywhere.any)) return 0;
  const atStart = typoDistance(query, text, budget, true);
  // No typo at all is a word prefix, scored above; never let it pass for better than one.
  const score = (d: number, penalty: number) => (Number.isFinite(d) ? (Math.max(1, d) === 1 ? 30 : 18) - penalty : 0);
  return (
    Math.max(score(atStart.whole, 0), score(atStart.any, 4), score(anywhere.whole, 2), score(anywhere.any, 6)) -
    (alias ? 1 : 0)
  );
}

/**
 * How well a query matches an entity's name or aliases, 0 for no match. (The stores count the typo tier only when
 * no entity matches exactly: store/graph-store.ts.) Exact name > exact alias > name prefix >
 * alias prefix > word prefix (name, then alias) > substring (name, then alias) > a typo match (typoBudget edits
 * from the start of the name, an alias or one of their words: typoScore, 30 down to 11).
 */
export function scoreMatch(query: string, candidate: SearchCandidate): { score: number; matched: string } {
  const q = foldText(query);
  if (!q) return { score: 0, matched: "" };
  const tiers: [number, number][] = [
    [100, 90],
    [80, 70],
    [60, 55],
    [40, 35],
  ];
  const tests: ((s: string) => boolean)[] = [
    (s) => s === q,
    (s) => s.startsWith(q),
    (s) => s.split(SEPARATORS).some((w) => w.startsWith(q)),
    (s) => s.includes(q),
  ];
  const name = foldText(candidate.name);
  const aliases = candidate.aliases.map((a) => [a, foldText(a)] as const);
  for (let t = 0; t < tests.length; t++) {
    if (tests[t]!(name)) return { score: tiers[t]![0], matched: candidate.name };
    const alias = aliases.find(([, f]) => tests[t]!(f));
    if (alias) return { score: tiers[t]![1], matched: alias[0] };
  }
  const budget = typoBudget(q);
  if (budget === 0) return { score: 0, matched: "" };
  const chars = Array.from(q);
  let best = { score: 0, matched: "" };
  const named = [[candidate.name, name, false] as const, ...aliases.map(([a, f]) => [a, f, true] as const)];
  for (const [original, folded, alias] of named) {
    const score = typoScore(chars, Array.from(folded), budget, alias);
    if (score > best.score) best = { score, matched: original };
  }
  return best;
}
