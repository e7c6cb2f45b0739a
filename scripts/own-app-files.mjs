// Writes the project that docs/own-app.md describes: every fenced block preceded by a line
// "<!-- file: PATH -->" becomes PATH under the target folder.
// Usage: node scripts/own-app-files.mjs docs/own-app.md TARGET_DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [page, target] = process.argv.slice(2);
if (!page || !target) {
  console.error('usage: node scripts/own-app-files.mjs PAGE.md TARGET_DIR');
  process.exit(2);
}
const text = readFileSync(page, 'utf8');
const block = /<!-- file: ([^ ]+) -->\n```[a-z]*\n([\s\S]*?)```/g;
let count = 0;
for (const [, path, content] of text.matchAll(block)) {
  const file = join(target, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${file}`);
  count++;
}
if (count === 0) {
  console.error(`no "<!-- file: ... -->" blocks in ${page}`);
  process.exit(1);
}
