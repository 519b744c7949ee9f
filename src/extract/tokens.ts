// The language layer of the report coder: compromise splits the text into sentences and words, tags parts of
// speech and gives lemmas; this module turns its answer into plain tokens with exact character offsets in the input,
// and paragraphs (blank-line separated) for reference back ("it", "the ministry"). The whole report is parsed in one
// call: compromise's cost is mostly per call, so sentence by sentence would be several times slower.

import nlp from "compromise/two";
import { foldText } from "../model/text.ts";

export interface Token {
  /** The word as written. */
  text: string;
  /** Folded for lookups: lower case, no accents, no possessive 's, no dots ("U.S." -> "us"). */
  key: string;
  /** Base form from the tagger ("imposed" -> "impose", "sanctions" -> "sanction"), else `key`. */
  lemma: string;
  tags: ReadonlySet<string>;
  /** Punctuation written after the word (", ", "; ", ". "). */
  post: string;
  /** Offsets of the word in the input text. */
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  tokens: Token[];
}

interface JsonTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  root?: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface JsonSentence {
  text: string;
  offset: { start: number; length: number };
  terms: JsonTerm[];
}

/** The lookup key of a word or of one word of a name: "China's" -> "china", "U.S." -> "us", "Россия" -> "россия". */
export function wordKey(word: string): string {
  return foldText(word)
    .replace(/['’]s$/u, "")
    .replace(/['’.]/gu, "")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** Blank lines end a paragraph; these are the offsets where each paragraph starts. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\n[ \t]*\r?\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** Sentences with their tokens, in order, offsets exact: text.slice(s.start, s.end) === s.text. */
export function tokenize(text: string): Sentence[] {
  if (text.trim() === "") return [];
  const doc = nlp(text);
  doc.compute("root");
  const json = doc.json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  const paragraphs = paragraphStarts(text);
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const s of json) {
    if (s.terms.length === 0) continue;
    const tokens = s.terms.map((t): Token => {
      const start = t.offset.start;
      const key = wordKey(t.text);
      const lemma = t.root ? foldText(t.root) : key;
      return { text: t.text, key, lemma, tags: new Set(t.tags), post: t.post, start, end: start + t.offset.length };
    });
    // The sentence runs from its first word to its last, with the closing punctuation (and quote) written after it.
    const opening = /["'“‘([]*$/u.exec(s.terms[0]!.pre)![0];
    const start = tokens[0]!.start - opening.length;
    const last = tokens[tokens.length - 1]!;
    const closing = /^[.!?…"'”’)\]]*/u.exec(text.slice(last.end))![0];
    const end = last.end + closing.length;
    while (paragraph + 1 < paragraphs.length && paragraphs[paragraph + 1]! <= start) paragraph++;
    sentences.push({ text: text.slice(start, end), start, end, paragraph, tokens });
  }
  return sentences;
}
