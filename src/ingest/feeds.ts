// The feed dispatcher: reads every path given to `npm run load` or STATECRAFT_DATA with the reader of its format
// (detected from the content unless --format says), curated YAML first so that feeds reuse its countries by iso3,
// and applies the bad-row policy to each feed. Both stores load through here, so they get the same datasets.

import { countryByIso3 } from "../model/countries.ts";
import { mergeDatasets } from "../model/dataset-merge.ts";
import { checkOwnership, NO_HOLDINGS } from "../model/dataset-ownership.ts";
import type { Dataset } from "../model/types.ts";
import { BadRowLimitError, DEFAULT_BAD_ROW_LIMIT, overBadRowLimit, type BadRowLimit } from "./bad-rows.ts";
import { listDatasetFiles, readDatasets } from "./dataset-reader.ts";
import { detectFormat } from "./detect.ts";
import { InvalidInputError } from "./errors.ts";
import { FEED_FORMATS, type FeedFormat, type FeedRead, type FeedReadOptions } from "./feed.ts";
import { readAdminCsv, readAdminCsvFeed } from "./admin-csv-reader.ts";
import { readFtmFeed } from "./ftm-reader.ts";
import { readGdelt, type GdeltReadOptions } from "./gdelt-reader.ts";
import { graphExchangeFeed, type GraphExchangeOptions } from "./graph-exchange.ts";
import { isUrl, openLines, type FeedLines } from "./lines.ts";
import { stat } from "node:fs/promises";

/**
 * What every reader is given besides its lines: the target dataset, the known countries, progress (FeedReadOptions)
 * and the options of particular formats (GDELT's --actors, GEXF's default --kind); a reader reads the ones it knows.
 */
export type FeedReaderOptions = FeedReadOptions & GdeltReadOptions & GraphExchangeOptions;

export type FeedReader = (input: FeedLines, options: FeedReaderOptions) => Promise<FeedRead>;

/** The reader of each streamed format; curated YAML is read apart (all files together, cross-checked). */
export const FEED_READERS: Record<Exclude<FeedFormat, "yaml">, FeedReader> = {
  gdelt: readGdelt,
  ftm: readFtmFeed,
  "admin-csv": readAdminCsvFeed,
  gexf: graphExchangeFeed("gexf"),
  graphml: graphExchangeFeed("graphml"),
};

export interface ReadFeedsOptions extends FeedReaderOptions {
  /** The format of every file given, instead of detecting it. */
  format?: FeedFormat;
  /** Bad rows allowed per feed file (default 1%). */
  maxBadRows?: BadRowLimit;
  /** Called when a feed file starts to be read. */
  onFile?: (file: string, format: FeedFormat) => void;
}

/** A path given, opened (feeds) or not yet (curated YAML, read all together). */
interface Opened {
  path: string;
  format: FeedFormat;
  lines?: FeedLines;
  /** The header file that gives this CSV file its header. */
  header?: { file: string; line: string };
}

export function isFeedFormat(value: string): value is FeedFormat {
  return (FEED_FORMATS as readonly string[]).includes(value);
}

/** The datasets of curated YAML reads as FeedReads, so callers handle one list. */
function yamlReads(datasets: Dataset[]): FeedRead[] {
  return datasets.map((dataset) => ({
    format: "yaml",
    dataset,
    rows: dataset.entities.length + dataset.relations.length + dataset.sources.length,
    skipped: {},
    bad: [],
  }));
}

async function isFolder(path: string): Promise<boolean> {
  if (isUrl(path)) return false;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads files, folders (of YAML datasets) and URLs. Throws InvalidInputError for a file that cannot be read or
 * whose format is unknown, BadRowLimitError for a feed over the bad-row limit; either way nothing should be written.
 */
export async function readFeeds(paths: readonly string[], options: ReadFeedsOptions = {}): Promise<FeedRead[]> {
  const opened: Opened[] = [];
  // A neo4j-admin header file (its header line and nothing else) gives the header of the files after it that have
  // none of their own, as `neo4j-admin --nodes=nodes-header.csv,nodes-1.csv,nodes-2.csv` does.
  let header: { file: string; line: string } | undefined;
  for (const path of paths) {
    if (await isFolder(path)) {
      for (const file of await listDatasetFiles([path])) opened.push({ path: file, format: "yaml" });
      continue;
    }
    if (options.format === "yaml" || (!options.format && /\.ya?ml$/i.test(path))) {
      opened.push({ path, format: "yaml" });
      continue;
    }
    const lines = await openLines(path);
    const head = await lines.peek(5);
    const detected = detectFormat(path, head);
    const ownHeader = detected === "admin-csv";
    // A header file is read like any CSV file (it holds no rows) and gives its header to the headerless files after it.
    if (ownHeader && head.filter((l) => l.trim().length > 0).length === 1) {
      header = { file: path, line: head.find((l) => l.trim().length > 0)! };
    } else if (detected !== undefined && !ownHeader) header = undefined;
    const format = options.format ?? detected ?? (header ? "admin-csv" : undefined);
    if (!format) {
      throw new InvalidInputError([
        {
          file: path,
          line: 1,
          column: 1,
          message: `cannot tell the format of this file; give --format (one of ${FEED_FORMATS.join(", ")})`,
        },
      ]);
    }
    const borrowed = format === "admin-csv" && !ownHeader && header !== undefined;
    opened.push({ path, format, lines, ...(borrowed ? { header } : {}) });
  }

  const yamlPaths = opened.filter((o) => o.format === "yaml").map((o) => o.path);
  const curated = yamlPaths.length > 0 ? yamlReads(await readDatasets(yamlPaths)) : [];
  const countries = new Map(options.countries ?? []);
  const remember = (read: FeedRead) => {
    for (const e of read.dataset.entities) {
      if (e.kind === "Country" && e.iso3 && countryByIso3(e.iso3) && !countries.has(e.iso3))
        countries.set(e.iso3, e.id);
    }
  };
  curated.forEach(remember);

  const reads: FeedRead[] = [];
  let nextCurated = 0;
  for (let i = 0; i < opened.length; i++) {
    const o = opened[i]!;
    if (o.format === "yaml") {
      // readDatasets answers one dataset per file, in the order the files were listed.
      const read = curated[nextCurated++];
      if (read) reads.push(read);
      continue;
    }
    options.onFile?.(o.path, o.format);
    let read: FeedRead;
    if (o.format === "admin-csv") {
      // Node and relationship files given one after the other are one import: relationships are checked against
      // the nodes of all of them, as neo4j-admin does.
      const group = [o];
      while (opened[i + 1]?.format === "admin-csv") group.push(opened[++i]!);
      read = await readAdminCsv(
        group.map((g) => ({ file: g.path, lines: g.lines!, ...(g.header ? { header: g.header } : {}) })),
        { ...options, countries },
      );
    } else {
      read = await FEED_READERS[o.format](o.lines!, { ...options, countries });
    }
    const over = overBadRowLimit(read, options.maxBadRows ?? DEFAULT_BAD_ROW_LIMIT);
    if (over) throw new BadRowLimitError(over, read);
    remember(read);
    reads.push(read);
  }
  return reads;
}

/**
 * The datasets read, as a store with nothing else in it loads them (the embedded store): feed files of one dataset
 * merged, and every id checked against the datasets before it (model/dataset-ownership.ts). Throws InvalidInputError
 * when a dataset would take over another's relation or redefine its entity or source.
 */
export function loadableDatasets(datasets: readonly Dataset[]): Dataset[] {
  const checked = checkOwnership(mergeDatasets(datasets), NO_HOLDINGS);
  if (checked.issues.length > 0) throw new InvalidInputError(checked.issues);
  return checked.datasets;
}
