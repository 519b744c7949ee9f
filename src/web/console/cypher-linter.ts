// The editor's lint extension: after a pause in typing, the text goes to the Cypher 5 syntax check (cypher-lint.ts,
// run in cypher-lint.worker.ts off the page's thread) and each error comes back as a red mark with its message. The
// worker and its grammar start with the first check, not with the console; if the worker fails, the editor goes on
// without marks, says so once in the console, and the next check starts a new worker.

import { linter, type Diagnostic } from "@codemirror/lint";
import type { Extension } from "@codemirror/state";
import type { CypherMark } from "./cypher-lint.ts";
import type { LintAnswer, LintRequest } from "./cypher-lint.worker.ts";
import CypherLintWorker from "./cypher-lint.worker.ts?worker";

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (marks: CypherMark[]) => void>();
let warned = false;

/** Ends the worker and answers every waiting check with no marks (the worker failed). */
function dropWorker(reason: unknown): void {
  if (!warned)
    console.warn("statecraft/console: the Cypher syntax check stopped; it restarts with the next edit", reason);
  warned = true;
  worker?.terminate();
  worker = null;
  for (const answer of waiting.values()) answer([]);
  waiting.clear();
}

function startWorker(): Worker {
  const started = new CypherLintWorker({ name: "cypher-lint" });
  started.onmessage = (event: MessageEvent<LintAnswer>) => {
    const answer = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    answer?.(event.data.marks);
  };
  started.onerror = (event) => dropWorker(event.message);
  return started;
}

function check(text: string): Promise<CypherMark[]> {
  worker ??= startWorker();
  const id = ++nextId;
  const request: LintRequest = { id, text };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage(request);
  });
}

export function cypherLinter(): Extension {
  return linter(
    async (view): Promise<Diagnostic[]> => {
      // CodeMirror drops an answer that comes back for an older text than the editor now holds.
      const marks = await check(view.state.doc.toString());
      return marks.map((mark) => ({
        from: mark.from,
        to: mark.to,
        severity: "error",
        source: "Cypher 5",
        message: mark.message,
      }));
    },
    { delay: 400 },
  );
}
