// The browser's side of exports: a file download through a Blob and an <a download>, and copying text to the
// clipboard (with the old execCommand way when the Clipboard API is not allowed, e.g. on plain http).

import { downloadBlob } from "../app/download.ts";

export function downloadText(fileName: string, text: string, type: string): void {
  // A byte order mark makes spreadsheet programs read CSV as UTF-8 (names in Cyrillic, Chinese…).
  const parts = type.startsWith("text/csv") ? ["\ufeff", text] : [text];
  downloadBlob(fileName, new Blob(parts, { type }));
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through to the textarea way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("the browser did not allow copying");
}
