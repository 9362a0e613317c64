/**
 * `npm run bench:side-files`: what a hostile workspace lexicon and a 100,000-mark annotations file
 * (issue 9, items 4 and 6) cost the extension host: for each step the extension takes, the longest
 * time it holds the host in one piece ("block") and its total time, plus the heap the marks keep.
 * The same script measures an older checkout for before/after figures:
 *   BENCH_ROOT=/path/to/old/checkout npx tsx scripts/bench-side-files.ts
 * It uses the sliced functions where the code has them and the one-piece ones where it does not,
 * as the extension of that version did. Prints figures; asserts nothing. The real-host figures
 * come from test/integration/suite/security.test.ts (written to $TMPDIR/crime-annotator-issue9-figures.json).
 */
import * as path from 'node:path';

const root = path.resolve(process.env.BENCH_ROOT ?? path.join(__dirname, '..'));
const lexicon = require(path.join(root, 'src/core/lexicon')) as typeof import('../src/core/lexicon');
const review = require(path.join(root, 'src/core/review')) as typeof import('../src/core/review');
const slices = (() => {
  try {
    return require(path.join(root, 'src/core/slices')) as typeof import('../src/core/slices');
  } catch {
    return undefined;
  }
})();

interface Figure {
  readonly blockMs: number;
  readonly totalMs: number;
}

/** Runs a generator as the host would, in 40 ms slices, and measures its longest slice. */
function stepped<T>(steps: Generator<void, T>): { value: T } & Figure {
  const t0 = performance.now();
  let sliceStart = t0;
  let longest = 0;
  for (let r = steps.next(); ; r = steps.next()) {
    const now = performance.now();
    if (r.done) return { value: r.value, blockMs: Math.max(longest, now - sliceStart), totalMs: now - t0 };
    if (now - sliceStart >= 40) {
      longest = Math.max(longest, now - sliceStart);
      sliceStart = performance.now();
    }
  }
}

function once<T>(fn: () => T): { value: T } & Figure {
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  return { value, blockMs: ms, totalMs: ms };
}

const rows: [string, string][] = [];
function report(label: string, f: Figure | string): void {
  const text = typeof f === 'string' ? f : `block ${f.blockMs.toFixed(0).padStart(6)} ms, total ${f.totalMs.toFixed(0).padStart(6)} ms`;
  rows.push([label, text]);
  console.log(`${label.padEnd(58)} ${text}`);
}

const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;
const gc = (globalThis as { gc?: () => void }).gc;

function compile(ext: unknown): Figure & { problems: readonly string[] } {
  const steps = (lexicon as { compileLexiconSteps?: (e: unknown) => Generator<void, { problems: readonly string[] }> }).compileLexiconSteps;
  // The extension validated first, and used the lexicon only when valid.
  const problems = lexicon.validateLexiconExtension(ext);
  if (problems.length > 0 && steps) return { blockMs: 0, totalMs: 0, problems };
  const r = steps ? stepped(steps(ext)) : once(() => lexicon.compileLexicon(ext as never));
  return { blockMs: r.blockMs, totalMs: r.totalMs, problems: [...problems, ...r.value.problems] };
}

function benchLexicon(): void {
  const org = (id: string, aliases: string[]) => ({ id, canonical: id, type: 'other', aliases });
  const words = Array.from({ length: 20_000 }, (_, i) => `word${i % 97}`).join(' ');
  const w = compile({ organisations: [org('long', [words])] });
  report('lexicon: one 20,000-word alias (validate + compile)', w);
  const alias = (i: number) => [`w${i.toString(36)}`, ...Array.from({ length: 59 }, (_, k) => 'abcdefghijklmnopqrstuvwxyz'[k % 26])].join(' ');
  const big = {
    organisations: Array.from({ length: 100 }, (_, i) =>
      org(
        `many-${i}`,
        Array.from({ length: 100 }, (_, k) => alias(i * 100 + k)),
      ),
    ),
  };
  const b = compile(big);
  report('lexicon: 10,000 aliases of 60 words (1.2 MB, 600,000 nodes)', b);
  // The 10 MB alias: a file past the size limit is never read (checked by the extension before reading).
  const limits = (lexicon as { LEXICON_LIMITS?: { fileBytes: number } }).LEXICON_LIMITS;
  if (limits)
    report('lexicon: a 10 MB regex-looking alias', `refused by its file size before reading (limit ${limits.fileBytes.toLocaleString('en-GB')} bytes)`);
  else report('lexicon: a 10 MB regex-looking alias', 'compiled whole: see bench with BENCH_LEXICON_10MB=1 (ran the host out of memory)');
  if (process.env.BENCH_LEXICON_10MB === '1') {
    const huge = '(' + 'a|b|'.repeat(2_621_440) + ')';
    const h0 = heapMb();
    const r = compile({ organisations: [org('x', [huge])] });
    report('lexicon: a 10 MB regex-looking alias, compiled', `${r.blockMs.toFixed(0)} ms block, heap +${(heapMb() - h0).toFixed(0)} MB`);
  }
}

function benchMarks(): void {
  const paragraphs = Array.from(
    { length: 200 },
    (_, i) => `Paragraph ${i}: Northshire Police made ${i * 3 + 1} arrests and seized £${i + 1},500 in cash during the week of action.`,
  );
  const text = paragraphs.join('\n\n') + '\n';
  const N = 100_000;
  const marks: import('../src/core/review').ReviewMark[] = [];
  for (let i = 0; i < N; i++) {
    const p = i % paragraphs.length;
    const quote = `${p * 3 + 1} arrests`;
    const at = text.indexOf(paragraphs[p]) + paragraphs[p].indexOf(quote);
    const when = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    marks.push({
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      state: 'note',
      document: 'releases/many.crime.txt',
      anchor: {
        exact: quote,
        prefix: text.slice(Math.max(0, at - 32), at),
        suffix: text.slice(at + quote.length, at + quote.length + 32),
        start: at,
        end: at + quote.length,
      },
      creator: 'Load Tester',
      created: when,
      modified: when,
      text: `note ${i}: a remark of about the length an editor writes, to make the file the size the issue measured.`,
    });
  }
  // Format 2 names the file by a base IRI; code from before format 2 takes (and ignores) none.
  const identity = { base: review.workspaceBase?.('3b7d9e21-5c4a-4f6e-8a1b-2c3d4e5f6a7b') ?? '', path: '.crime-annotator/annotations.json' };
  const file = review.serializeMarks(marks, identity);
  const bytes = new TextEncoder().encode(file);
  report('marks: the file', `${N.toLocaleString('en-GB')} marks, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
  marks.length = 0;

  gc?.();
  const h0 = heapMb();
  const steps = (review as { parseMarksSteps?: (t: string | Uint8Array) => Generator<void, import('../src/core/review').ParseResult> }).parseMarksSteps;
  // The old extension decoded the file whole, then parsed it with the whole-file parser.
  const parsed = steps ? stepped(steps(bytes)) : once(() => review.parseMarks(new TextDecoder().decode(bytes)));
  report('marks: load (decode + parse)', parsed);
  if (!parsed.value.ok) throw new Error('the bench file did not parse');
  const loaded = parsed.value.marks;
  gc?.();
  report('marks: heap the loaded marks keep', `${(heapMb() - h0).toFixed(0)} MB${gc ? '' : ' (run with node --expose-gc for a settled figure)'}`);

  const placeSteps = (review as { placeMarksSteps?: typeof import('../src/core/review').placeMarksSteps }).placeMarksSteps;
  const place = placeSteps ? stepped(placeSteps(text, loaded)) : once(() => review.placeMarks(text, loaded));
  report('marks: place all 100,000 in their document', place);

  const figures = paragraphs.map((p, i) => {
    const at = text.indexOf(p) + p.indexOf(`${i * 3 + 1} arrests`);
    return { start: at, end: at + `${i * 3 + 1} arrests`.length };
  });
  const progress = once(() => review.reviewProgress(figures, place.value, (span) => span));
  report("marks: the document's review progress", progress);

  const added = [...loaded, { ...loaded[0], id: 'urn:uuid:added', text: 'one more' }];
  const writeSteps = (review as { serializeMarksSteps?: typeof import('../src/core/review').serializeMarksSteps }).serializeMarksSteps;
  if (writeSteps && slices) {
    const cache = new review.ItemBytesCache();
    report('marks: first write (every mark encoded)', stepped(writeSteps(loaded, identity, undefined, cache)));
    report('marks: write after adding one note', stepped(writeSteps(added, identity, undefined, cache)));
  } else {
    report(
      'marks: write after adding one note',
      once(() => new TextEncoder().encode(review.serializeMarks(added, identity))),
    );
  }
}

console.log(`bench:side-files on ${root}${gc ? '' : ' (node without --expose-gc)'}`);
benchLexicon();
benchMarks();
