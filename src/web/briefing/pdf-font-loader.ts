// Fetches what the PDF export needs to print any script, on the first export of a deck that needs it: Noto Sans SC
// regular and bold (Latin, Cyrillic, Greek and CJK, from @expo-google-fonts/noto-sans-sc, 10 MB each) and
// HarfBuzz's subsetter (harfbuzzjs, 0.7 MB of WebAssembly), then cuts both fonts down to the deck's characters.
// Vite emits the three files as assets of their own, so no page but this export ever loads them.

import regularUrl from "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url";
import boldUrl from "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url";
import subsetterUrl from "harfbuzzjs/dist/harfbuzz-subset.wasm?url";
import { createFontSubsetter, type FontSubsetter } from "./font-subset.ts";
import type { PdfFontFiles } from "./pdf-fonts.ts";

async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(
      `statecraft/pdf: could not fetch ${what} (${e instanceof Error ? e.message : String(e)}): is the server still running?`,
      { cause: e },
    );
  }
  if (!response.ok) {
    throw new Error(`statecraft/pdf: fetching ${what} answered ${response.status}: rebuild the app (npm run build)`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

let subsetter: Promise<FontSubsetter> | null = null;
const fonts = new Map<string, Promise<Uint8Array>>();

/** Kept for the page's life once fetched: a second export fetches nothing (a failed fetch is tried again). */
function cached<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

function fontFile(url: string, what: string): Promise<Uint8Array> {
  const known = fonts.get(url);
  if (known) return known;
  const loading = cached(fetchBytes(url, what), () => fonts.delete(url));
  fonts.set(url, loading);
  return loading;
}

function loadSubsetter(): Promise<FontSubsetter> {
  subsetter ??= cached(
    fetchBytes(subsetterUrl, "the font subsetter (harfbuzz-subset.wasm)").then((bytes) =>
      createFontSubsetter(bytes as Uint8Array<ArrayBuffer>),
    ),
    () => (subsetter = null),
  );
  return subsetter;
}

/** Noto Sans SC regular and bold, holding only the glyphs of `codePoints`. */
export async function loadPdfFonts(codePoints: ReadonlySet<number>): Promise<PdfFontFiles> {
  const [hb, regular, bold] = await Promise.all([
    loadSubsetter(),
    fontFile(regularUrl, "the PDF font (Noto Sans SC regular)"),
    fontFile(boldUrl, "the PDF font (Noto Sans SC bold)"),
  ]);
  return { regular: hb.subset(regular, codePoints), bold: hb.subset(bold, codePoints) };
}
