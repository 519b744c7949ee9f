// The names the coder recognises, indexed by their first word: the store's entities (names and every alias, any
// script), countries by name, demonym and capital (world-countries, model/countries.ts), and a few metonyms wire
// copy uses ("the White House", "the Kremlin"). Scripts written without spaces (Chinese, Japanese, Thai) are found by
// their characters instead of by words.

import type { KnownEntity } from "../model/claims.ts";
import { COUNTRIES, COUNTRIES_SOVEREIGN_FIRST, type Country } from "../model/countries.ts";
import type { EntityKind } from "../model/kinds.ts";
import { foldText } from "../model/text.ts";
import { wordKey, type Token } from "./tokens.ts";

/** An actor as the coder carries it: the store's entity when it resolved, else a proposal (id null). */
export interface Actor {
  id: string | null;
  name: string;
  kind: EntityKind;
  iso3?: string;
  /** The country the actor belongs to (itself for a country): whose side it speaks for, whose body it names. */
  country?: Country;
}

/** What a name found in the text stands for. */
export type NameSense =
  { sense: "actor"; actor: Actor } | { sense: "demonym"; country: Country } | { sense: "capital"; country: Country };

interface Entry {
  words: string[];
  /** Per word: the name writes it with a capital, so a lower-case word in the text ("us") is not it ("US"). */
  cased: boolean[];
  value: NameSense;
}

/** Abbreviations and metonyms world-countries leaves out (it drops two- and three-letter codes from its aliases). */
const EXTRA_COUNTRY_NAMES: Record<string, { names?: string[]; metonyms?: string[] }> = {
  USA: { names: ["US", "U.S.", "USA", "U.S.A.", "America"], metonyms: ["White House", "Washington"] },
  GBR: { names: ["UK", "U.K.", "Britain"], metonyms: ["Downing Street"] },
  RUS: { metonyms: ["Kremlin"] },
  CHN: { names: ["PRC"], metonyms: ["Zhongnanhai"] },
  KOR: { names: ["ROK"] },
  PRK: { names: ["DPRK"] },
  ARE: { names: ["UAE"] },
};

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;
const LATIN = /^[\p{Script=Latin}\p{P}\p{Zs}\d]+$/u;

export interface Gazetteer {
  /** The longest name starting at token i: its sense and how many tokens it spans. */
  match(tokens: readonly Token[], i: number): { value: NameSense; length: number } | undefined;
  /** Names in unspaced scripts found in a sentence, by character offset in the input. */
  matchUnspaced(text: string, offset: number): { value: NameSense; start: number; end: number }[];
  /** The store's entity with exactly this name or alias (folded), if any. */
  byName(name: string): KnownEntity | undefined;
  /** The actor for a country: the store's entity when it has one. */
  country(country: Country): Actor;
}

function toActor(entity: KnownEntity, country?: Country): Actor {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    ...(entity.iso3 ? { iso3: entity.iso3 } : {}),
    ...(country ? { country } : {}),
  };
}

export function createGazetteer(entities: readonly KnownEntity[]): Gazetteer {
  const byFirst = new Map<string, Entry[]>();
  const unspaced: { text: string; value: NameSense }[] = [];
  const names = new Map<string, KnownEntity>();
  const countryIndex = new Map<string, Country>(COUNTRIES.map((c) => [c.iso3, c]));

  const add = (name: string, value: NameSense): void => {
    if (UNSPACED.test(name)) {
      unspaced.push({ text: name, value });
      return;
    }
    const raw = name.split(/\s+/).filter((w) => wordKey(w) !== "");
    const words = raw.map(wordKey);
    if (words.length === 0) return;
    const entry: Entry = { words, cased: raw.map((w) => /\p{Lu}/u.test(w)), value };
    const list = byFirst.get(words[0]!) ?? [];
    list.push(entry);
    byFirst.set(words[0]!, list);
  };

  // Countries first resolve to the store's entity of the same ISO code, else to the same name.
  const storeCountries = new Map<string, KnownEntity>();
  for (const e of entities) {
    names.set(foldText(e.name), names.get(foldText(e.name)) ?? e);
    for (const list of Object.values(e.aliases))
      for (const alias of list) if (!names.has(foldText(alias))) names.set(foldText(alias), e);
    if (e.kind === "Country" && e.iso3) storeCountries.set(e.iso3.toUpperCase(), e);
  }
  const countryActors = new Map<string, Actor>();
  const countryActor = (c: Country): Actor => {
    let actor = countryActors.get(c.iso3);
    if (!actor) {
      const stored = storeCountries.get(c.iso3) ?? names.get(foldText(c.name));
      actor = stored ? toActor(stored, c) : { id: null, name: c.name, kind: "Country", iso3: c.iso3, country: c };
      countryActors.set(c.iso3, actor);
    }
    return actor;
  };

  // Store entities: the name and every alias in every language. A country of the store keeps its gazetteer country.
  for (const e of entities) {
    const country = e.kind === "Country" && e.iso3 ? countryIndex.get(e.iso3.toUpperCase()) : undefined;
    const value: NameSense = { sense: "actor", actor: country ? countryActor(country) : toActor(e) };
    add(e.name, value);
    for (const list of Object.values(e.aliases)) for (const alias of list) add(alias, value);
  }
  // The gazetteer: English names and spellings, other languages' names in non-Latin scripts (a Latin-script
  // translation can be an English word), demonyms, capitals, abbreviations and metonyms.
  // Sovereign states first, so a demonym or capital that a territory shares ("American", "Dutch", "French") names
  // the state.
  for (const c of COUNTRIES_SOVEREIGN_FIRST) {
    const value: NameSense = { sense: "actor", actor: countryActor(c) };
    for (const n of [c.name, c.official, ...(c.aliases.en ?? [])]) add(n, value);
    for (const [lang, list] of Object.entries(c.aliases))
      if (lang !== "en") for (const n of list) if (!LATIN.test(n)) add(n, value);
    const extra = EXTRA_COUNTRY_NAMES[c.iso3];
    for (const n of extra?.names ?? []) add(n, value);
    for (const n of extra?.metonyms ?? []) add(n, { sense: "capital", country: c });
    for (const capital of c.capitals) add(capital.replace(/,?\s+D\.?C\.?$/u, ""), { sense: "capital", country: c });
    if (c.demonym) add(c.demonym, { sense: "demonym", country: c });
  }
  // Longest names first, so "South Korea" wins over "South" and "Ministry of Foreign Affairs of China" over "Ministry".
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  return {
    match(tokens, i) {
      const candidates = byFirst.get(tokens[i]!.key);
      if (!candidates) return undefined;
      for (const entry of candidates) {
        if (i + entry.words.length > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < entry.words.length && ok; k++) {
          const token = tokens[i + k]!;
          ok = token.key === entry.words[k] && (!entry.cased[k] || /\p{Lu}/u.test(token.text));
          // A name does not run on past punctuation written inside it ("China, Russia" is not one name).
          if (ok && k < entry.words.length - 1 && /[,;:]/.test(token.post)) ok = false;
        }
        if (ok) return { value: entry.value, length: entry.words.length };
      }
      return undefined;
    },
    matchUnspaced(text, offset) {
      if (!UNSPACED.test(text)) return [];
      const found: { value: NameSense; start: number; end: number }[] = [];
      const normal = text;
      for (const { text: name, value } of unspaced) {
        for (let at = normal.indexOf(name); at >= 0; at = normal.indexOf(name, at + name.length))
          found.push({ value, start: offset + at, end: offset + at + name.length });
      }
      // Longest first, then drop names inside a longer one ("中国" inside "中华人民共和国").
      found.sort((a, b) => b.end - b.start - (a.end - a.start));
      return found.filter((f, k) => !found.slice(0, k).some((g) => g.start <= f.start && f.end <= g.end));
    },
    byName: (name) => names.get(foldText(name)),
    country: countryActor,
  };
}
