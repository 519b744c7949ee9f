// What every feed reader (GDELT, FollowTheMoney, neo4j-admin CSV, GEXF/GraphML) answers: the dataset it makes, how
// many rows it read, the rows it skipped on purpose (by reason) and the bad rows it skipped (each with file, line and
// field). The loader and the embedded store decide from this whether to write (see --max-bad-rows).

import type { Dataset } from "../model/types.ts";
import type { InputIssue } from "./errors.ts";

export const FEED_FORMATS = ["yaml", "gdelt", "ftm", "admin-csv", "gexf", "graphml"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** A row the reader could not use: where it is and which field broke which rule. */
export interface BadRow extends InputIssue {
  /** The column or property at fault ("EventCode", "properties.startDate"). */
  field: string;
}

export interface FeedRead {
  format: FeedFormat;
  /** The dataset the rows make, in "merge" mode unless the user asked for replace. */
  dataset: Dataset;
  /** Data rows read (lines or records), bad and skipped ones included. */
  rows: number;
  /** Rows left out by rule rather than error ("no second actor", "same actor twice"), counted by reason. */
  skipped: Record<string, number>;
  /** Malformed rows, each reported and skipped. */
  bad: BadRow[];
}

export interface FeedReadOptions {
  /** The dataset the feed loads into (default: the format's own, e.g. "gdelt", "opensanctions"). */
  dataset?: string;
  /** Replace semantics instead of merge. */
  replace?: boolean;
  /**
   * Entity ids of the countries the store or the other files already hold, by ISO alpha-3 ("CHN" -> "china"), so a
   * feed reuses them instead of making a second entity for the same country.
   */
  countries?: ReadonlyMap<string, string>;
  /** Called now and then with rows read so far and, when known, the total (bytes or rows) for the progress bar. */
  onProgress?: (rows: number, done?: number, total?: number) => void;
}
