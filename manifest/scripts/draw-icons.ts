// Writes the committed icons: the app package's color (192) and outline (32) icons and the Outlook add-in's
// ribbon icons, which the web app serves under /addin/. Run after changing icon-art.ts; a test checks the files.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { drawIcon, ICON_FILES } from '../src/icon-art.ts';

const root = path.resolve(import.meta.dirname, '..');

for (const { file, size, style } of ICON_FILES) {
  const { width, height, data } = drawIcon(size, style);
  const png = new PNG({ width, height });
  png.data = Buffer.from(data);
  const target = path.join(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, PNG.sync.write(png, { colorType: 6 }));
  console.log(`${file}: ${size}×${size}`);
}
