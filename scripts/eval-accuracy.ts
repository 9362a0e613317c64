/**
 * Scores analyze() and compromise against the hand-annotated gold set (test/fixtures/gold).
 *
 *   npx tsx scripts/eval-accuracy.ts            the tables per corpus and combined
 *   npx tsx scripts/eval-accuracy.ts --errors   also every false positive, false negative, wrong
 *                                               `counts` and wrong value of analyze(), per document
 *   --corpus seeds|samples|heldout|blind        only one corpus
 *
 * Seed texts are read at run time from ../shared/seeds and never stored in the repository.
 */
import { formatRun, runAccuracy, type CaseResult } from '../test/support/accuracy-run';
import { CORPORA, formatMiss, type Corpus, type Miss } from '../test/support/gold';

const args = process.argv.slice(2);
const corpusArg = args[args.indexOf('--corpus') + 1];
const chosen = CORPORA.find((c) => args.includes('--corpus') && c === corpusArg);
const corpora: readonly Corpus[] = chosen ? [chosen] : CORPORA;

const run = runAccuracy(corpora);
for (const c of run.corpora) for (const p of c.problems) console.log(`gold problem: ${p}`);
console.log(formatRun(run));

if (args.includes('--errors')) {
  for (const r of run.results) printErrors(r);
}

function printErrors({ goldCase, ours }: CaseResult): void {
  const sections: Array<[string, readonly Miss[]]> = [
    ['false negatives (in gold, not found)', ours.falseNegatives],
    ['false positives (found, not in gold)', ours.falsePositives],
    ['wrong counts', ours.wrongCounts],
    ['wrong value or unit', ours.wrongValues],
  ];
  if (sections.every(([, list]) => list.length === 0)) return;
  console.log(`\n== ${goldCase.corpus}/${goldCase.document}`);
  for (const [title, list] of sections) {
    if (list.length === 0) continue;
    console.log(` ${title}: ${list.length}`);
    for (const m of [...list].sort((a, b) => a.start - b.start)) console.log(formatMiss(m, goldCase.text));
  }
}
