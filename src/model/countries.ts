// The country gazetteer every reader shares: ISO codes, English and other-language names, capitals, demonyms and
// coordinates, from the `world-countries` package (ODbL). Feeds resolve country codes with it (GDELT's CAMEO codes,
// FollowTheMoney's two-letter codes), the report coder reads names, demonyms and capitals with it, and map views
// place countries by its coordinates. Plain data, no I/O.

import worldCountries from "world-countries";
import { foldText } from "./text.ts";

export interface Country {
  /** ISO 3166-1 alpha-2, upper case ("CN"). */
  iso2: string;
  /** ISO 3166-1 alpha-3, upper case ("CHN"). */
  iso3: string;
  /** ISO 3166-1 numeric, three digits ("156"), when it has one (Natural Earth's shapes are keyed by it). */
  numeric?: string;
  /** Common English name ("China"). */
  name: string;
  /** Official English name ("People's Republic of China"). */
  official: string;
  /** Other names by language code (ISO 639, as the package gives them: "zho", "rus", "fra"…), "en" for English. */
  aliases: Record<string, string[]>;
  capitals: string[];
  /** English demonym ("Chinese"), when known. */
  demonym?: string;
  /** Latitude and longitude of the country's centre, degrees. */
  latlng: [number, number];
  region: string;
  subregion?: string;
  /** A sovereign state, as opposed to a territory ("American" is the United States' demonym before the Northern
   * Mariana Islands'). Where a name, demonym or capital is shared, the sovereign state is meant. */
  independent: boolean;
}

// English aliases are the Latin-script spellings; the others come under their own language below.
const LATIN = /^[\p{Script=Latin}\p{P}\p{Zs}\d]+$/u;

function unique(values: Iterable<string>, except: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t && !except.has(t)) seen.add(t);
  }
  return [...seen];
}

function toCountry(raw: (typeof worldCountries)[number]): Country {
  const name = raw.name.common;
  const english = unique(
    // altSpellings mixes codes ("CN") and native spellings with English forms; codes are kept out of aliases.
    [raw.name.official, ...raw.altSpellings.filter((s) => !/^[A-Z]{2,3}$/.test(s) && LATIN.test(s))],
    new Set([name]),
  );
  const aliases: Record<string, string[]> = english.length > 0 ? { en: english } : {};
  for (const [lang, names] of Object.entries({ ...raw.name.native, ...raw.translations })) {
    const list = unique([names.common, names.official], new Set([name, ...english]));
    if (list.length > 0) aliases[lang] = unique([...(aliases[lang] ?? []), ...list], new Set());
  }
  const demonym = raw.demonyms?.eng?.m;
  return {
    iso2: raw.cca2,
    iso3: raw.cca3,
    ...(raw.ccn3 ? { numeric: raw.ccn3 } : {}),
    name,
    official: raw.name.official,
    aliases,
    capitals: raw.capital ?? [],
    ...(demonym ? { demonym } : {}),
    latlng: [raw.latlng[0] ?? 0, raw.latlng[1] ?? 0],
    region: raw.region,
    independent: raw.independent === true,
    ...(raw.subregion ? { subregion: raw.subregion } : {}),
  };
}

/** Every country of the gazetteer, by English name. */
export const COUNTRIES: readonly Country[] = worldCountries.map(toCountry).sort((a, b) => a.name.localeCompare(b.name));

/** The same, sovereign states first: the order in which to claim a name, demonym or capital that several share. */
export const COUNTRIES_SOVEREIGN_FIRST: readonly Country[] = [...COUNTRIES].sort(
  (a, b) => Number(b.independent) - Number(a.independent),
);

const byIso3 = new Map(COUNTRIES.map((c) => [c.iso3, c]));
const byIso2 = new Map(COUNTRIES.map((c) => [c.iso2, c]));
const byName = new Map<string, Country>();
for (const c of COUNTRIES_SOVEREIGN_FIRST) {
  for (const n of [c.name, c.official, ...(c.aliases.en ?? [])]) {
    const key = foldText(n);
    if (!byName.has(key)) byName.set(key, c);
  }
}

/** The country with this ISO alpha-3 code (any case), if any. */
export function countryByIso3(code: string): Country | undefined {
  return byIso3.get(code.toUpperCase());
}

/** The country with this ISO alpha-2 code (any case: FollowTheMoney writes "us", "ru"), if any. */
export function countryByIso2(code: string): Country | undefined {
  return byIso2.get(code.toUpperCase());
}

/** The country an English name or spelling names ("china", "People's Republic of China"), folded, if any. */
export function countryByName(name: string): Country | undefined {
  return byName.get(foldText(name));
}

/** An entity id for a country made from its English name: "South Korea" -> "south-korea". */
export function countryEntityId(country: Pick<Country, "name">): string {
  return foldText(country.name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
