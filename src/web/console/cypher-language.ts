// The parts of @neo4j-cypher/language-support the editor's syntax check uses, imported by name so the bundler keeps
// the Cypher 5 lexer and parser and leaves out the rest (the 22 MB semantic analysis above all). Only the check's
// worker (cypher-lint.worker.ts) loads it.

import { antlrUtils, CypherLexer, CypherParser } from "@neo4j-cypher/language-support";
import type { CypherLanguage } from "./cypher-lint.ts";

/**
 * `antlrUtils` is the ANTLR runtime's default export, which the package types only in part; the lexer's listeners are
 * typed for number symbols although it hands none, so the check's narrower shapes stand for all three.
 */
export const cypherLanguage: CypherLanguage = {
  antlr: antlrUtils as unknown as CypherLanguage["antlr"],
  CypherLexer: CypherLexer as unknown as CypherLanguage["CypherLexer"],
  CypherParser: CypherParser as unknown as CypherLanguage["CypherParser"],
};
