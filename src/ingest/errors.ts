// Input errors that name the file, line and column, and the rule the input broke.

export interface InputIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatIssue(issue: InputIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

/** Thrown when one or more input files are invalid; carries every issue found, not just the first. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(readonly issues: InputIssue[]) {
    super(
      `statecraft/load: ${issues.length} problem${issues.length === 1 ? "" : "s"} in the input\n` +
        issues.map((i) => "  " + formatIssue(i)).join("\n"),
    );
  }
}
