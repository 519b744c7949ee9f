// The Cypher 5 syntax check in a worker of its own: the grammar (about a megabyte) loads and warms up there, so the
// first check of a long query (half a second in Chromium on the page's thread) never freezes the editor. It answers
// each text with its marks, tagged with the request's number.

import { cypherLanguage } from "./cypher-language.ts";
import { lintCypher, type CypherMark } from "./cypher-lint.ts";

export interface LintRequest {
  id: number;
  text: string;
}

export interface LintAnswer {
  id: number;
  marks: CypherMark[];
}

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { id, text } = event.data;
  const answer: LintAnswer = { id, marks: lintCypher(cypherLanguage, text) };
  self.postMessage(answer);
};
