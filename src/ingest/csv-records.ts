// CSV records from a stream of lines, as neo4j-admin import reads them: a delimiter (',' by default), fields in
// double quotes may hold the delimiter, doubled quotes ("") and line breaks. Each field keeps the line and column it
// starts at, so every error can point at it.

const MAX_FIELD_LINES = 1000;

export interface CsvField {
  value: string;
  /** 1-based line and column where the field starts. */
  line: number;
  column: number;
  quoted: boolean;
}

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: CsvField[];
}

export class CsvSyntaxError extends Error {
  override name = "CsvSyntaxError";
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/** Splits one record; `more` supplies the next line while a quoted field is still open (undefined at the end). */
export function parseRecord(
  first: string,
  firstLine: number,
  delimiter: string,
  more: () => string | undefined,
): CsvRecord {
  const fields: CsvField[] = [];
  let text = first;
  let line = firstLine;
  let i = 0;
  for (;;) {
    const start = { line, column: i + 1 };
    if (text[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          value += text.slice(i) + "\n";
          const next = more();
          if (next === undefined) throw new CsvSyntaxError(start.line, start.column, "a quoted field is never closed");
          text = next;
          line++;
          i = 0;
          continue;
        }
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      if (i < text.length && !text.startsWith(delimiter, i)) {
        throw new CsvSyntaxError(line, i + 1, `expected '${delimiter}' or the end of the line after a closing quote`);
      }
      fields.push({ value, ...start, quoted: true });
    } else {
      const end = text.indexOf(delimiter, i);
      const value = end < 0 ? text.slice(i) : text.slice(i, end);
      fields.push({ value, ...start, quoted: false });
      i = end < 0 ? text.length : end;
    }
    if (i >= text.length) return { line: firstLine, fields };
    i += delimiter.length;
    if (i >= text.length) {
      fields.push({ value: "", line, column: i + 1, quoted: false });
      return { line: firstLine, fields };
    }
  }
}

/** The records of a stream of lines; blank lines are skipped, a bad record is yielded as its error. */
export async function* csvRecords(
  lines: AsyncIterable<string> | Iterable<string>,
  delimiter: string,
): AsyncGenerator<CsvRecord | CsvSyntaxError> {
  const iterator = (Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : toAsync(lines)) as AsyncIterator<
    string,
    unknown
  >;
  let lineNo = 0;
  // Lines a quoted field spans are pulled ahead; parseRecord asks for them synchronously, so they are buffered.
  const pending: string[] = [];
  const nextLine = async (): Promise<string | undefined> => {
    if (pending.length > 0) return pending.shift();
    const r = await iterator.next();
    return r.done ? undefined : (r.value as string).replace(/\r$/, "");
  };
  for (let text = await nextLine(); text !== undefined; text = await nextLine()) {
    lineNo++;
    if (text.trim() === "") continue;
    const start = lineNo;
    // Read ahead only when a quote is open at the end of the line.
    const ahead: string[] = [];
    // A stray quote would otherwise pull the rest of the file in: a field may span at most MAX_FIELD_LINES lines.
    while (ahead.length < MAX_FIELD_LINES && quoteOpen([text, ...ahead].join("\n"))) {
      const next = await nextLine();
      if (next === undefined) break;
      ahead.push(next);
    }
    let used = 0;
    try {
      yield parseRecord(text, start, delimiter, () => (used < ahead.length ? ahead[used++] : undefined));
    } catch (error) {
      if (error instanceof CsvSyntaxError) yield error;
      else throw error;
    }
    lineNo += used;
    pending.unshift(...ahead.slice(used));
  }
}

/** True when the text ends inside a quoted field (an odd number of quotes). */
function quoteOpen(text: string): boolean {
  let count = 0;
  for (const ch of text) if (ch === '"') count++;
  return count % 2 === 1;
}

async function* toAsync(lines: Iterable<string>): AsyncGenerator<string> {
  for (const l of lines) yield l;
}
