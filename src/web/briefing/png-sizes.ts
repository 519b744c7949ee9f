// The sizes a slide can be exported at as PNG (up to 3840x2160), and the check on a size asked for.

export const MAX_EXPORT_WIDTH = 3840;
export const MAX_EXPORT_HEIGHT = 2160;

export const PNG_SIZES = [
  { label: "1280 × 720", width: 1280, height: 720 },
  { label: "1920 × 1080 (Full HD)", width: 1920, height: 1080 },
  { label: "2560 × 1440", width: 2560, height: 1440 },
  { label: "3840 × 2160 (4K)", width: 3840, height: 2160 },
] as const;

export function checkExportSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 320 || height < 180)
    throw new RangeError(`statecraft/export: a PNG must be at least 320x180 whole pixels, got ${width}x${height}`);
  if (width > MAX_EXPORT_WIDTH || height > MAX_EXPORT_HEIGHT)
    throw new RangeError(
      `statecraft/export: a PNG is at most ${MAX_EXPORT_WIDTH}x${MAX_EXPORT_HEIGHT}, got ${width}x${height}: choose a smaller size`,
    );
}
