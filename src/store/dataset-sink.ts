// DatasetSink: where records written through the API go (today the claims accepted from a report, POST
// /api/reports/accept). Two implementations: a dataset YAML file under the data folder, which the embedded store then
// answers from without a restart (memory/dataset-file-sink.ts), and Neo4j through the loader's DatasetWriter
// (neo4j/neo4j-dataset-sink.ts). Both validate the dataset as it would be after the write with the loader's own rules
// (the function main.ts hands them, src/ingest's reader) and write nothing when it fails.

import type { DatasetAdditions } from "../model/report-accept.ts";
import type { Dataset } from "../model/types.ts";

/** A dataset text to check, named as messages should name it (a file path, or "neo4j dataset x"). */
export interface DatasetText {
  file: string;
  text: string;
}

/**
 * The loader's validation (src/ingest/dataset-reader.ts readDatasetTexts): every text read together, every problem
 * at once; throws an error named InvalidInputError listing them. `knownEntities` are ids defined outside the texts
 * (in the database) that relations may name.
 */
export type ValidateDatasets = (
  inputs: readonly DatasetText[],
  options?: { knownEntities?: ReadonlySet<string> },
) => Dataset[];

export interface DatasetSink {
  readonly kind: "file" | "neo4j";
  /**
   * Adds the records to their dataset, creating it when new; a record with the id of one the dataset holds replaces
   * it, and every other record stays. Throws DatasetRejectedError, having written nothing, when the dataset would not
   * be valid. Writes are one at a time.
   */
  add(additions: DatasetAdditions): Promise<{ file?: string }>;
}

/** The write would leave the dataset invalid (or it already is): the message lists the problems. */
export class DatasetRejectedError extends Error {
  override name = "DatasetRejectedError";
}

/** Runs tasks one after another, so two writes never read the same old dataset and each drop the other's records. */
export function createWriteQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Re-throws a validation failure as DatasetRejectedError with `lead` in front; other errors as they are. */
export function validated(validate: ValidateDatasets, lead: string, ...args: Parameters<ValidateDatasets>): Dataset[] {
  try {
    return validate(...args);
  } catch (error) {
    if (error instanceof Error && error.name === "InvalidInputError")
      throw new DatasetRejectedError(`${lead}: ${error.message}`);
    throw error;
  }
}
