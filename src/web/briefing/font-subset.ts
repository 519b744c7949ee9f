// Cutting a font down to the characters a document uses, with HarfBuzz's own subsetter (harfbuzzjs ships it as
// harfbuzz-subset.wasm, a module that needs no imports): the PDF export embeds Noto Sans SC, whose 10 MB cover
// Latin, Cyrillic and CJK, and a page of names needs a few dozen of its 30,000 glyphs. The caller hands in the
// module's bytes, so the browser fetches them and the tests read them from node_modules.

/** The functions of harfbuzz-subset.wasm this module calls (pointers are offsets into `memory`). */
interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

export interface FontSubsetter {
  /** A TrueType font holding only the glyphs of `codePoints` (and .notdef); characters the font lacks are dropped. */
  subset(font: Uint8Array, codePoints: Iterable<number>): Uint8Array;
}

/** HB_MEMORY_MODE_READONLY: HarfBuzz reads the font where it lies and copies nothing. */
const READONLY = 1;

const REQUIRED = [
  "memory",
  "malloc",
  "free",
  "hb_blob_create",
  "hb_face_create",
  "hb_subset_input_create_or_fail",
  "hb_subset_or_fail",
] as const;

/** Instantiates harfbuzz-subset.wasm from its bytes. */
export async function createFontSubsetter(wasm: BufferSource): Promise<FontSubsetter> {
  const { instance } = await WebAssembly.instantiate(wasm);
  const missing = REQUIRED.filter((name) => !(name in instance.exports));
  if (missing.length > 0) {
    throw new Error(
      `statecraft/font-subset: the module is not harfbuzzjs's harfbuzz-subset.wasm (no ${missing.join(", ")}): ` +
        "reinstall harfbuzzjs",
    );
  }
  const hb = instance.exports as unknown as HarfBuzzSubset;
  return { subset: (font, codePoints) => subsetWith(hb, font, codePoints) };
}

function subsetWith(hb: HarfBuzzSubset, font: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  if (font.byteLength < 12) throw new Error(`statecraft/font-subset: ${font.byteLength} bytes is no font file`);
  const data = hb.malloc(font.byteLength);
  if (data === 0) throw new Error(`statecraft/font-subset: no memory for a font of ${font.byteLength} bytes`);
  // Read the memory's buffer after each allocation: growing the memory detaches the old one.
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.byteLength, READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) throw new Error("statecraft/font-subset: HarfBuzz could not start a subset (out of memory?)");
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0)
      throw new Error("statecraft/font-subset: HarfBuzz could not subset the font (is it a TrueType font?)");
    const out = hb.hb_face_reference_blob(subset);
    const bytes = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(out, 0), hb.hb_blob_get_length(out)).slice();
    hb.hb_blob_destroy(out);
    hb.hb_face_destroy(subset);
    if (bytes.byteLength === 0) throw new Error("statecraft/font-subset: HarfBuzz made an empty font (is it a font?)");
    return bytes;
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(data);
  }
}
