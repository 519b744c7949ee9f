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

/**
 * How well a query matches an entity's name or aliases, 0 for no match. Exact name > exact alias > name prefix >
 * alias prefix > word prefix (name, then alias) > substring (name, then alias).
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
    (s) => s.split(/[\s\-'’.,()/]+/).some((w) => w.startsWith(q)),
    (s) => s.includes(q),
  ];
  const name = foldText(candidate.name);
  const aliases = candidate.aliases.map((a) => [a, foldText(a)] as const);
  for (let t = 0; t < tests.length; t++) {
    if (tests[t]!(name)) return { score: tiers[t]![0], matched: candidate.name };
    const alias = aliases.find(([, f]) => tests[t]!(f));
    if (alias) return { score: tiers[t]![1], matched: alias[0] };
  }
  return { score: 0, matched: "" };
}
