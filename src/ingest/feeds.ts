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
import { readAdminCsvFeed } from "./admin-csv-reader.ts";
import { readFtmFeed } from "./ftm-reader.ts";
import { readGdelt, type GdeltReadOptions } from "./gdelt-reader.ts";
import { graphExchangeFeed } from "./graph-exchange.ts";
import { isUrl, openLines, type FeedLines } from "./lines.ts";
import { stat } from "node:fs/promises";

/**
 * What every reader is given besides its lines: the target dataset, the known countries, progress (FeedReadOptions)
 * and the options of particular formats (GDELT's --actors); a reader reads the ones it knows.
 */
export type FeedReaderOptions = FeedReadOptions & GdeltReadOptions;

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
  const opened: { path: string; format: FeedFormat; lines?: FeedLines }[] = [];
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
    const format = options.format ?? detectFormat(path, await lines.peek(5));
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
    opened.push({ path, format, lines });
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
  for (const o of opened) {
    if (o.format === "yaml") {
      // readDatasets answers one dataset per file, in the order the files were listed.
      const read = curated[nextCurated++];
      if (read) reads.push(read);
      continue;
    }
    const reader = FEED_READERS[o.format];
    options.onFile?.(o.path, o.format);
    const read = await reader(o.lines!, { ...options, countries });
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
