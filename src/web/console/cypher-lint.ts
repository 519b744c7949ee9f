// The Cypher editor's syntax check: Neo4j's own Cypher 5 grammar (@neo4j-cypher/language-support 2.x, the ANTLR
// lexer and parser Neo4j's tools use) run over the text, every syntax error a mark with a short message. It knows
// what Neo4j 5 runs (SHORTEST, quantified path patterns like {1,4}, label expressions, COUNT { }, CALL (x) { }),
// where @neo4j-cypher/codemirror 1.0.3's linter, built on an older grammar, marked them in red. Syntax only: whether
// a label, a variable or a parameter exists is for the server to say when the query runs (the package's semantic
// analysis is 22 MB of JavaScript, too much for a browser tab). The language module is passed in: the browser loads
// it in the check's worker (cypher-lint.worker.ts), the tests hand in its node build.

/** An ANTLR error listener: the lexer and the parser call `syntaxError`, the rest is for ambiguity reports. */
interface ErrorListener {
  syntaxError(recognizer: unknown, token: OffendingToken | null, line: number, column: number, message: string): void;
  reportAmbiguity(): void;
  reportAttemptingFullContext(): void;
  reportContextSensitivity(): void;
}

interface Recognizer {
  removeErrorListeners(): void;
  addErrorListener(listener: ErrorListener): void;
}

/**
 * The parts of @neo4j-cypher/language-support the check uses: its ANTLR runtime (exported as `antlrUtils`, typed
 * there only in part) and its Cypher lexer and parser.
 */
export interface CypherLanguage {
  antlr: {
    CharStreams: { fromString(text: string): unknown };
    CommonTokenStream: new (lexer: never) => unknown;
  };
  CypherLexer: new (input: never) => Recognizer;
  CypherParser: new (tokens: never) => Recognizer & { statementsOrCommands(): unknown };
}

export interface CypherMark {
  /** Offsets into the query, `to` past the last character marked (`from === to` at the end of the text). */
  from: number;
  to: number;
  message: string;
}

/** Past this many choices, "expected …" says nothing useful: the mark names the input only. */
const MAX_EXPECTED = 6;

function shown(token: string): string {
  return token === "<EOF>" ? "the end of the query" : `'${token}'`;
}

function expected(list: string): string {
  const items = list.replace(/^\{|\}$/g, "").split(", ");
  if (items.length > MAX_EXPECTED) return "";
  // The end of the query last: "expected ; or the end of the query".
  const words = [
    ...items.filter((item) => item !== "<EOF>").map((item) => item.replace(/^'(.*)'$/, "$1")),
    ...(items.includes("<EOF>") ? ["the end of the query"] : []),
  ];
  return `: expected ${words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`}`;
}

/** What a quote or comment opener the lexer could not close means. */
const OPENERS: Record<string, string> = {
  "'": "A string left open: end it with '",
  '"': 'A string left open: end it with "',
  "`": "A name left open: end it with `",
  "/*": "A comment left open: end it with */",
};

/** ANTLR's message in a reader's words, its list of hundreds of expected tokens cut. */
export function readableSyntaxError(message: string, offending?: string): string {
  const mismatched = /^(?:mismatched|extraneous) input '(.*)' expecting (.*)$/s.exec(message);
  if (mismatched && OPENERS[mismatched[1]!]) return OPENERS[mismatched[1]!]!;
  if (mismatched) return `Invalid input ${shown(mismatched[1]!)}${expected(mismatched[2]!)}`;
  const missing = /^missing (.*) at '(.*)'$/s.exec(message);
  if (missing) return `Missing ${missing[1]!.replace(/^'(.*)'$/, "$1")} before ${shown(missing[2]!)}`;
  const noViable = /^no viable alternative at input '(.*)'$/s.exec(message);
  if (noViable) {
    // ANTLR quotes all the input it tried; the token it stopped at is the one to name.
    const last = offending ?? noViable[1]!.trim().split(/\s+/).at(-1) ?? "";
    return `Invalid input ${shown(last)}`;
  }
  const lexer = /^token recognition error at: '(.*)'$/s.exec(message);
  if (lexer) return `Unexpected character ${shown(lexer[1]!.slice(0, 1))}: is a quote or a comment left open?`;
  return message;
}

interface OffendingToken {
  start: number;
  stop: number;
  text: string;
}

/** The syntax errors of a query (one or more statements separated by ';'), in order. */
export function lintCypher(language: CypherLanguage, query: string): CypherMark[] {
  if (query.trim() === "") return [];
  const marks: CypherMark[] = [];
  // The lexer reports a character it cannot read at (line, column); the parser hands the offending token.
  const lineStarts = [0];
  for (let i = 0; i < query.length; i++) if (query[i] === "\n") lineStarts.push(i + 1);
  const listener: ErrorListener = {
    syntaxError(_recognizer, token, line, column, message) {
      const from = token ? token.start : (lineStarts[line - 1] ?? 0) + column;
      const to = token ? Math.max(token.stop + 1, from) : from + 1;
      marks.push({
        from: Math.min(from, query.length),
        to: Math.min(to, query.length),
        message: readableSyntaxError(message, token?.text),
      });
    },
    reportAmbiguity() {},
    reportAttemptingFullContext() {},
    reportContextSensitivity() {},
  };
  const { antlr, CypherLexer: Lexer, CypherParser: Parser } = language;
  const lexer = new Lexer(antlr.CharStreams.fromString(query) as never);
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const parser = new Parser(new antlr.CommonTokenStream(lexer as never) as never);
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  parser.statementsOrCommands();
  return marks.sort((a, b) => a.from - b.from);
}
