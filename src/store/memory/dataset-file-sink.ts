// FileDatasetSink: the embedded store's write path. Records are added to a dataset YAML file under the data folder
// (the file that holds the dataset, or `<folder>/<id>.yaml` for a new one), so what was written is readable,
// diffable and loadable into Neo4j later with `npm run load`. Every dataset file is checked with the new text in
// place of the old by the loader's rules before anything is written; the file is written atomically (a temp file in
// the same folder, then renamed over it, as FileDeckStore does); then the memory store answers from the datasets as
// they now are, without a restart.

import { randomBytes } from "node:crypto";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { DatasetAdditions } from "../../model/report-accept.ts";
import {
  createWriteQueue,
  DatasetRejectedError,
  validated,
  type DatasetSink,
  type DatasetText,
  type ValidateDatasets,
} from "../dataset-sink.ts";
import { upsertDatasetYaml } from "../dataset-yaml.ts";
import type { MemoryStore } from "./memory-store.ts";

export interface FileDatasetSinkOptions {
  /** The dataset files and folders the store was read from (STATECRAFT_DATA), read again in the same order. */
  paths: readonly string[];
  /** Expands `paths` into dataset files, as the loader does (src/ingest listDatasetFiles). */
  listFiles: (paths: readonly string[]) => Promise<string[]>;
  validate: ValidateDatasets;
  /** The store to reload once a file is written. */
  store: MemoryStore;
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

export class FileDatasetSink implements DatasetSink {
  readonly kind = "file" as const;
  private readonly queue = createWriteQueue();

  constructor(private readonly options: FileDatasetSinkOptions) {}

  add(additions: DatasetAdditions): Promise<{ file: string }> {
    return this.queue(() => this.write(additions));
  }

  /** The folder new datasets go to: the first folder of STATECRAFT_DATA, so the next start reads them too. */
  private async newDatasetFolder(): Promise<string> {
    for (const path of this.options.paths) if (await isFolder(path)) return path;
    throw new DatasetRejectedError(
      `statecraft/datasets: STATECRAFT_DATA (${this.options.paths.join(", ")}) names no folder to write a new ` +
        "dataset into; add one (e.g. STATECRAFT_DATA=data) or name a dataset that exists",
    );
  }

  private async readAll(): Promise<DatasetText[]> {
    const files = await this.options.listFiles(this.options.paths);
    return Promise.all(files.map(async (file) => ({ file, text: await readFile(file, "utf8") })));
  }

  private async write(additions: DatasetAdditions): Promise<{ file: string }> {
    const { validate } = this.options;
    const id = additions.dataset.id;
    const before = await this.readAll();
    const datasets = validated(
      validate,
      "statecraft/datasets: the data folder does not load as it is; fix it before adding to it",
      before,
    );
    const index = datasets.findIndex((d) => d.info.id === id);
    let file: string;
    if (index >= 0) file = before[index]!.file;
    else {
      file = join(await this.newDatasetFolder(), `${id}.yaml`);
      if (before.some((t) => resolve(t.file) === resolve(file)))
        throw new DatasetRejectedError(
          `statecraft/datasets: ${file} holds another dataset; name the dataset after that file's id or rename it`,
        );
    }
    const text = upsertDatasetYaml(index >= 0 ? before[index]!.text : undefined, additions);
    const after = index >= 0 ? before.map((t, i) => (i === index ? { file, text } : t)) : [...before, { file, text }];
    validated(validate, `statecraft/datasets: dataset "${id}" would not load after this write`, after);

    const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await writeFile(temp, text, { encoding: "utf8", flag: "wx" });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    // Read again as at start (listDatasetFiles' order decides which file's fields win for an entity defined twice).
    this.options.store.reload(validate(await this.readAll()));
    return { file };
  }
}
