// Generated feeds for `npm run bench -- feeds`: GDELT 2.0-shaped event rows and FollowTheMoney-shaped entity lines,
// made line by line from a seeded generator (nothing committed, nothing downloaded) and written to a file through a
// stream, so a million rows never sit in memory. The same seed writes the same file on every run.

import { createWriteStream } from "node:fs";
import { CAMEO_CODES } from "../../src/model/cameo.ts";
import { COUNTRIES } from "../../src/model/countries.ts";

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How the generated GDELT rows are spread. "gdelt" follows two real 2.0 exports of 7 August 2025 (1,744 rows, counted
 * with `npm run load -- --dry-run`): half the rows name an actor of no country (BUS, MED, GOV alone), a quarter
 * miss an actor, 8.5% name one country twice, 2.6% a region, so about 13% of rows make an event of two countries;
 * an article gives about four events (404 URLs), spread over a few thousand hosts. "dense" keeps every row but one
 * in seven and gives every event its own URL: several times the relations and sources of real GDELT per row, a
 * stress case.
 */
export type GdeltShape = "gdelt" | "dense";

// The most frequent event codes of the two exports and their counts there (the other 40% of rows spread over all).
const COMMON_CODES: [string, number][] = [
  ["010", 166],
  ["042", 118],
  ["043", 111],
  ["051", 109],
  ["020", 102],
  ["040", 84],
  ["173", 72],
  ["036", 60],
  ["046", 55],
  ["112", 49],
  ["090", 46],
  ["190", 41],
  ["030", 36],
  ["070", 34],
  ["012", 32],
  ["180", 31],
  ["110", 31],
  ["013", 29],
  ["071", 27],
  ["100", 25],
];

const NO_COUNTRY = ["BUS", "MED", "GOV", "CVL", "EDU", "JUD", "MIL", "REL", "LAB", "OPP"];
const REGIONS = ["EUR", "WST", "AFR", "MEA", "ASA"];

/**
 * GDELT 2.0 rows (61 tab-separated columns): a few countries and a few codes (statements, consultations, visits) in
 * most events, so that many events fall on one (from, type, to, day), over seven days.
 */
export function* gdeltRows(rows: number, shape: GdeltShape = "gdelt", seed = 11): Generator<string> {
  const rnd = random(seed);
  const countries = COUNTRIES.map((c) => c.iso3);
  const pick = () => countries[Math.floor(countries.length * rnd() ** 4)]!;
  const codes = CAMEO_CODES.filter((c) => c.code.length >= 3);
  const common = COMMON_CODES.flatMap(([code, n]) => new Array<string>(n).fill(code));
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const pickCode = () =>
    shape === "gdelt" && rnd() < 0.6
      ? byCode.get(common[Math.floor(rnd() * common.length)]!)!
      : codes[Math.floor(codes.length * rnd() ** 3)]!;
  let a = "";
  let b = "";
  let day = "";
  for (let i = 0; i < rows; i++) {
    // One article gives about four events between the same countries on one day ("gdelt"); "dense" draws each row.
    if (shape === "dense" || i % 4 === 0) {
      a = pick();
      b = pick();
      if (b === a) b = countries[(countries.indexOf(a) + 1) % countries.length]!;
      day = `2025080${1 + Math.floor(rnd() * 7)}`;
    }
    // What the second actor is: a country (kept), none, no country, a region or the first actor again.
    let code2: string = b;
    let country2: string = b;
    if (shape === "dense") {
      if (i % 7 === 0) code2 = country2 = a;
    } else {
      const r = rnd();
      if (r < 0.5) [code2, country2] = [NO_COUNTRY[Math.floor(rnd() * NO_COUNTRY.length)]!, ""];
      else if (r < 0.76) [code2, country2] = ["", ""];
      else if (r < 0.845) code2 = country2 = a;
      else if (r < 0.871) code2 = country2 = REGIONS[Math.floor(rnd() * REGIONS.length)]!;
    }
    const code = pickCode();
    const f = new Array<string>(61).fill("");
    f[0] = String(1_300_000_000 + i);
    f[1] = day;
    f[2] = day.slice(0, 6);
    f[3] = day.slice(0, 4);
    f[4] = "2025.5945";
    [f[5], f[6], f[7]] = [a, a, a];
    [f[15], f[16], f[17]] = [code2, code2 && country2 ? code2 : "", country2];
    f[25] = "1";
    [f[26], f[27], f[28]] = [code.code, code.code.slice(0, 3), code.code.slice(0, 2)];
    f[29] = "1";
    f[30] = String(code.goldstein ?? 0);
    f[31] = String(1 + Math.floor(rnd() * 10));
    f[32] = "1";
    f[33] = String(1 + Math.floor(rnd() * 10));
    f[34] = String((rnd() * 20 - 10).toFixed(12));
    f[59] = `${day}${String(Math.floor(rnd() * 24)).padStart(2, "0")}1500`;
    if (shape === "dense") {
      f[60] = `https://news${Math.floor(rnd() * 2000)}.example/story/${Math.floor(rnd() * 200_000)}`;
    } else {
      const article = Math.floor(i / 4);
      f[60] = `https://news${((article * 2654435761) % 4000) >>> 0}.example/story/${article}`;
    }
    yield f.join("\t");
  }
}

const ISSUERS = ["us", "eu", "gb", "ca", "au", "ch", "jp", "un"];
const JURISDICTIONS = ["ru", "by", "ir", "kp", "cn", "ae", "tr", "cy", "hk", "sy"];

/**
 * FollowTheMoney lines shaped like a sanctions list (invented names, no real record): for every ten lines, four
 * companies, two people, a sanction of each company, an ownership, a directorship and a person's address, so that
 * every edge entity names entities of the file.
 */
export function* ftmLines(lines: number, seed = 7): Generator<string> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const line = (id: string, schema: string, properties: Record<string, string[]>, caption?: string) =>
    JSON.stringify({
      id,
      ...(caption ? { caption } : {}),
      schema,
      properties,
      datasets: ["bench_invented_list"],
      first_seen: "2024-01-05T10:00:00",
      last_seen: "2025-06-01T09:30:00",
    });
  let written = 0;
  for (let g = 0; written < lines; g++) {
    const company = (k: number) => `bench-co-${g}-${k}`;
    const person = (k: number) => `bench-pe-${g}-${k}`;
    const group: string[] = [];
    for (let k = 0; k < 4; k++) {
      const name = `Invented Works ${g}-${k}`;
      group.push(
        line(
          company(k),
          "Company",
          { name: [name], alias: [`IW ${g}${k}`], jurisdiction: [pick(JURISDICTIONS)] },
          name,
        ),
      );
    }
    for (let k = 0; k < 2; k++) {
      const name = `Person ${g} ${k === 0 ? "Alder" : "Birch"}`;
      const address: Record<string, string[]> = k === 0 ? { addressEntity: [`bench-ad-${g}`] } : {};
      group.push(line(person(k), "Person", { name: [name], nationality: [pick(JURISDICTIONS)], ...address }, name));
    }
    group.push(
      line(`bench-sa-${g}`, "Sanction", {
        entity: [company(Math.floor(rnd() * 4))],
        country: [pick(ISSUERS)],
        authority: ["Office of Invented Controls"],
        program: [`INVENTED-${g % 40}`],
        startDate: [`202${Math.floor(rnd() * 5)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`],
        sourceUrl: [`https://sanctions.example.gov/${g}`],
      }),
      line(`bench-ow-${g}`, "Ownership", { owner: [company(0)], asset: [company(1)], percentage: ["51"] }),
      line(`bench-di-${g}`, "Directorship", { director: [person(0)], organization: [company(2)], role: ["director"] }),
      line(`bench-ad-${g}`, "Address", { full: [`${g} Invented Street`], country: [pick(JURISDICTIONS)] }),
    );
    for (const l of group) {
      if (written++ >= lines) break;
      yield l;
    }
  }
}

/** Writes lines to a file through a stream, waiting when the stream asks to. */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const l of lines) {
    if (!out.write(l + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((done) => out.end(done));
}
