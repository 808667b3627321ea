// Draws the app's icon (two people side by side: a 1:1) as RGBA pixels, deterministically, at any size.

/** The accent colour of the manifest, also the colour icon's background. */
export const ACCENT = { r: 0x4f, g: 0x52, b: 0xb2 } as const;

export type IconStyle = 'color' | 'outline';

/** Every icon file the project ships, relative to manifest/: the package's two and the add-in's ribbon icons. */
export const ICON_FILES: readonly { file: string; size: number; style: IconStyle }[] = [
  { file: 'appPackage/color.png', size: 192, style: 'color' },
  { file: 'appPackage/outline.png', size: 32, style: 'outline' },
  ...[16, 32, 64, 80, 128].map((size) => ({
    file: `web/addin/icon-${size}.png`,
    size,
    style: 'color' as const,
  })),
];

export interface Rgba {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row by row. */
  readonly data: Uint8Array;
}

/** Samples per pixel edge: 4 × 4 supersampling gives smooth edges without an image library. */
const SAMPLES = 4;

/**
 * The colour icon is the glyph in white on an accent rounded square; the outline icon (Teams asks for
 * white on transparent, 32 × 32) is the glyph alone.
 */
export function drawIcon(size: number, style: IconStyle): Rgba {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let glyph = 0;
      let tile = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const u = (x + (sx + 0.5) / SAMPLES) / size;
          const v = (y + (sy + 0.5) / SAMPLES) / size;
          if (inGlyph(u, v)) glyph++;
          if (inRoundedSquare(u, v)) tile++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const offset = (y * size + x) * 4;
      if (style === 'outline') {
        data.set([255, 255, 255, Math.round((255 * glyph) / total)], offset);
        continue;
      }
      // White glyph over the accent tile; outside the tile's rounded corners stays transparent.
      const g = glyph / total;
      const alpha = tile / total;
      data.set(
        [
          Math.round(ACCENT.r + (255 - ACCENT.r) * g),
          Math.round(ACCENT.g + (255 - ACCENT.g) * g),
          Math.round(ACCENT.b + (255 - ACCENT.b) * g),
          Math.round(255 * alpha),
        ],
        offset,
      );
    }
  }
  return { width: size, height: size, data };
}

function inGlyph(u: number, v: number): boolean {
  return inPerson(u, v, 0.34) || inPerson(u, v, 0.66);
}

/** A head and the upper half of an ellipse for the shoulders, centred on x = cx (unit square). */
function inPerson(u: number, v: number, cx: number): boolean {
  const head = (u - cx) ** 2 + (v - 0.37) ** 2 <= 0.105 ** 2;
  const bodyTop = 0.76;
  const body = v <= bodyTop && ((u - cx) / 0.17) ** 2 + ((v - bodyTop) / 0.24) ** 2 <= 1;
  return head || body;
}

function inRoundedSquare(u: number, v: number): boolean {
  const radius = 0.18;
  const dx = Math.max(radius - u, 0, u - (1 - radius));
  const dy = Math.max(radius - v, 0, v - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}
