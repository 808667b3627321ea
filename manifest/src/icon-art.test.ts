// The committed icon files are exactly what icon-art.ts draws, at the sizes the manifest and add-in promise.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { pngSize } from './app-package-checks.ts';
import { drawIcon, ICON_FILES } from './icon-art.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('icons (manifest/appPackage and manifest/web/addin)', () => {
  it.each(ICON_FILES)(
    '$file is the $size×$size $style drawing (run `npm run draw-icons -w manifest` after a change)',
    ({ file, size, style }) => {
      const bytes = readFileSync(path.join(root, file));
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
      const decoded = PNG.sync.read(bytes);
      expect(Buffer.from(decoded.data).equals(Buffer.from(drawIcon(size, style).data))).toBe(true);
    },
  );

  it('the add-in ribbon has the 16, 32 and 80 px icons Office requires, and 64 / 128 for the alternate icons', () => {
    const addin = ICON_FILES.filter((f) => f.file.startsWith('web/addin/')).map((f) => f.size);
    expect(addin).toEqual(expect.arrayContaining([16, 32, 80, 64, 128]));
  });
});
