// `npm run -s extract -- [--json] [--published YYYY-MM-DD] [--source-url URL] [--title T] FILE|-`: codes a news
// report into proposed claims. Actors resolve against the configured store: Neo4j when NEO4J_URI is set, else the
// embedded datasets (STATECRAFT_DATA, default data/). With --json, stdout holds one JSON object {claims, entities}
// and nothing else; messages go to stderr. Exit codes: 0 coded, 1 bad input, 2 database unreachable.

import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createCoder } from "../extract/index.ts";
import { readDatasets } from "../ingest/dataset-reader.ts";
import { InvalidInputError } from "../ingest/errors.ts";
import { extractRequest } from "../model/api-requests.ts";
import type { Extraction, KnownEntity } from "../model/claims.ts";
import { StoreUnavailableError } from "../store/graph-store.ts";
import { loadKnownEntities } from "../store/known-entities.ts";
import { createNeo4jClient } from "../store/neo4j/client.ts";
import { howToStartNeo4j, InvalidConfigError, resolveNeo4jConfig } from "../store/neo4j/config.ts";
import { Neo4jStore } from "../store/neo4j/neo4j-store.ts";

const USAGE = `Usage: npm run -s extract -- [options] FILE|-

Reads a news report (a text file, or standard input for -) and prints the claims it proposes: who did what to whom,
the CAMEO code, the date, the confidence and the sentence each rests on.

Options:
  --json              print one JSON object {claims, entities} and nothing else on stdout
  --published DATE    the report's date, YYYY-MM-DD ("on Wednesday" counts back from it)
  --source-url URL    where the report was published
  --title T           the report's title
  -h, --help          this text

Actors resolve against Neo4j when NEO4J_URI is set, else against the datasets of STATECRAFT_DATA (default data/).
Exit codes: 0 coded, 1 bad input, 2 database unreachable.`;

class CliInputError extends Error {
  override name = "CliInputError";
}

async function readReport(path: string): Promise<string> {
  if (path === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new CliInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function knownEntities(env: NodeJS.ProcessEnv): Promise<KnownEntity[]> {
  const neo4j = resolveNeo4jConfig(env);
  if (!neo4j) {
    const paths = env.STATECRAFT_DATA ? env.STATECRAFT_DATA.split(",").map((p) => p.trim()) : ["data"];
    const byId = new Map<string, KnownEntity>();
    for (const dataset of await readDatasets(paths)) for (const e of dataset.entities) byId.set(e.id, e);
    return [...byId.values()];
  }
  const client = createNeo4jClient(neo4j);
  try {
    return await loadKnownEntities(new Neo4jStore(client));
  } finally {
    await client.close();
  }
}

function table(extraction: Extraction): string {
  const end = (a: Extraction["claims"][number]["from"]) => `${a.name}${a.id ? "" : " (new)"}`;
  const rows = extraction.claims.map((c) => [
    `${c.negated ? "NOT " : ""}${c.type}`,
    c.cameo || "-",
    end(c.from),
    end(c.to),
    c.date ?? "-",
    c.confidence.toFixed(2),
    `${c.evidence.start}-${c.evidence.end}`,
  ]);
  const all = [["type", "cameo", "from", "to", "date", "conf", "chars"], ...rows];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const lines = all.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
  const proposed = extraction.entities.map((e) => `  ${e.name} (${e.kind}${e.iso3 ? `, ${e.iso3}` : ""})`);
  return [
    `${extraction.claims.length} proposed claim(s)`,
    ...lines,
    ...(proposed.length > 0
      ? ["", `${proposed.length} new entit${proposed.length === 1 ? "y" : "ies"}:`, ...proposed]
      : []),
  ].join("\n");
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        published: { type: "string" },
        "source-url": { type: "string" },
        title: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`statecraft/extract: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    console.error(`statecraft/extract: give one report file, or - for standard input\n\n${USAGE}`);
    return 1;
  }
  try {
    const text = await readReport(args.positionals[0]!);
    // The same rules as POST /api/extract, so the CLI and the API refuse the same input with the same words.
    const parsed = extractRequest.safeParse({
      text,
      published: args.values.published,
      sourceUrl: args.values["source-url"],
      title: args.values.title,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = { sourceUrl: "--source-url", published: "--published", title: "--title" }[String(issue.path[0])];
      throw new CliInputError(`${field ?? args.positionals[0]}: ${issue.message}`);
    }
    const { published, sourceUrl, title } = parsed.data;
    const coder = createCoder(await knownEntities(env));
    const extraction = coder.extract(parsed.data.text, { published, sourceUrl, title });
    console.log(args.values.json ? JSON.stringify(extraction) : table(extraction));
    return 0;
  } catch (error) {
    if (error instanceof CliInputError || error instanceof InvalidInputError || error instanceof InvalidConfigError) {
      console.error(`statecraft/extract: ${error.message.replace(/^statecraft\/[a-z]+: /, "")}`);
      return 1;
    }
    if (error instanceof StoreUnavailableError) {
      console.error(`statecraft/extract: ${howToStartNeo4j(resolveNeo4jConfig(env)?.uri ?? "")}`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main(process.argv.slice(2));
