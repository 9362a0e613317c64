/**
 * Writes a researcher-sized corpus made from the samples: `count` documents of about 2 KB in
 * folders of 1,000, each a sample moved to its own year (7,000 of them, so 100,000 documents are 70,000 years of ten releases) and with its figures varied, so the record
 * links them into many records as years of real releases would, not into one record restated
 * 100,000 times. Used by `npm run bench`; also runnable alone:
 *   tsx scripts/bench-corpus.ts <dir> <count>
 * `touch(dir, n)` then edits n documents, as a re-run after a few releases changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const samplesDir = path.resolve(__dirname, '..', 'samples');

function loadSamples(): string[] {
  return fs
    .readdirSync(samplesDir)
    .filter((f) => /\.crime\.txt$/.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(samplesDir, f), 'utf8'));
}

/** The i-th document: sample i mod n, dated `round` years later, its numbers nudged by a small seeded amount. */
function documentText(samples: readonly string[], i: number): string {
  const round = Math.floor(i / samples.length);
  let seed = i * 2654435761;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 7) - 3;
  return samples[i % samples.length]
    .replace(/\b20[12]\d\b/g, (y) => String(Number(y) + (round % 7000)))
    .replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\d.,])\d{2,4}(?![\d.,])/g, (d) => nudge(d, next()));
}

/** A whole number moved by `by`, written as it was (thousands separators kept); years left alone. */
function nudge(written: string, by: number): string {
  const n = Number(written.replace(/,/g, ''));
  if ((n >= 1900 && n <= 2500) || n < 10) return written;
  const moved = Math.max(10, n + by);
  return written.includes(',') ? moved.toLocaleString('en-GB') : String(moved);
}

export function fileOf(dir: string, i: number): string {
  return path.join(dir, `f${String(Math.floor(i / 1000)).padStart(3, '0')}`, `r${String(i).padStart(6, '0')}.crime.txt`);
}

/** Creates (or tops up) the corpus; returns its total size in bytes. Reuses a corpus already written. */
export function writeCorpus(dir: string, count: number): number {
  const marker = path.join(dir, `.complete-${count}`);
  if (fs.existsSync(marker)) return Number(fs.readFileSync(marker, 'utf8'));
  const samples = loadSamples();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const file = fileOf(dir, i);
    if (i % 1000 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = documentText(samples, i);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(file, text);
  }
  fs.copyFileSync(path.join(samplesDir, 'home-office-county-lines.reference.csv'), path.join(dir, 'home-office-county-lines.reference.csv'));
  fs.writeFileSync(marker, String(bytes));
  return bytes;
}

/** Edits `n` documents spread through the corpus (one figure each), as a week's corrections would. */
export function touch(dir: string, count: number, n: number, salt = Date.now()): void {
  for (let k = 0; k < n; k++) {
    const file = fileOf(dir, Math.floor(((k + 0.5) * count) / n));
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text.replace(/\b(\d{2,3})\b/, (d) => String(Number(d) + 1 + (salt % 5))),
    );
  }
  // The marker still holds: the corpus has as many documents as before.
}

if (require.main === module) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: tsx scripts/bench-corpus.ts <dir> <count>');
    process.exit(2);
  }
  const bytes = writeCorpus(path.resolve(dir), Number(count));
  console.log(`${count} documents, ${(bytes / 1e6).toFixed(0)} MB in ${dir}`);
}
