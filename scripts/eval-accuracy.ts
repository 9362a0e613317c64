/**
 * Scores analyze() and compromise against the hand-annotated gold set (test/fixtures/gold).
 *
 *   npx tsx scripts/eval-accuracy.ts            the tables per corpus and combined
 *   npx tsx scripts/eval-accuracy.ts --errors   also every false positive, false negative, wrong
 *                                               `counts` and wrong value of analyze(), per document
 *   --corpus seeds|samples|heldout|blind        only one corpus
 *   --rules [folder]                            accuracy of each measure rule on the project's gold and on a
 *                                               folder in the real-reporting format (gold/*.json, texts/*.txt;
 *                                               ../shared/gold-dev by default); --rule-misses lists the misses
 *   --crosscheck <folder> [--expectations <file>]
 *                                               only the four cross-check figures of `crosscheck <folder>`
 *                                               against an expectations file (expectations.json in or beside
 *                                               the folder by default); --errors also lists the misses
 *
 * Without --crosscheck, the four cross-check figures are printed after the tables for samples/ (against
 * test/fixtures/samples-crosscheck.expectations.json) and for ../shared/corpus when it is there.
 *
 * Seed texts are read at run time from ../shared/seeds and never stored in the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatRun, runAccuracy, type CaseResult } from '../test/support/accuracy-run';
import { CORPORA, formatMiss, type Corpus, type Miss } from '../test/support/gold';
import { formatRuleTable, ruleAccuracyOnFolder, ruleAccuracyOnGold } from '../test/support/rule-accuracy';
import { crosscheckScoreOf, findExpectations, readExpectations } from '../test/support/crosscheck-eval';
import { formatCrosscheckScore } from '../test/support/crosscheck-score';

const args = process.argv.slice(2);
const optionValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : undefined;
};

if (args.includes('--crosscheck')) {
  const folder = optionValue('--crosscheck');
  if (!folder) fail('--crosscheck needs a folder');
  const expectations = optionValue('--expectations') ?? findExpectations(folder);
  if (!expectations) fail(`${folder}: no expectations.json in or beside it; name one with --expectations <file>`);
  printCrosscheck(folder, expectations).then(() => process.exit(0));
} else {
  void main();
}

async function main(): Promise<void> {
  const corpusArg = args[args.indexOf('--corpus') + 1];
  const chosen = CORPORA.find((c) => args.includes('--corpus') && c === corpusArg);
  const corpora: readonly Corpus[] = chosen ? [chosen] : CORPORA;

  const run = runAccuracy(corpora);
  for (const c of run.corpora) for (const p of c.problems) console.log(`gold problem: ${p}`);
  console.log(formatRun(run));

  if (args.includes('--errors')) {
    for (const r of run.results) printErrors(r);
  }

  if (args.includes('--rules') || args.includes('--rule-misses')) {
    const misses = args.includes('--rule-misses');
    console.log(
      '\n' +
        formatRuleTable(
          'Measure rules on the project gold (counts one of the gold alternatives)',
          ruleAccuracyOnGold(run.results.map((r) => r.goldCase)),
          misses,
        ),
    );
    const next = args[args.indexOf('--rules') + 1];
    const folder = path.resolve(next && !next.startsWith('--') && args.includes('--rules') ? next : path.join(__dirname, '../../shared/gold-dev'));
    const tallies = ruleAccuracyOnFolder(folder);
    if (tallies) console.log('\n' + formatRuleTable(`Measure rules on ${folder} (counts shares a content word with the gold description)`, tallies, misses));
    else console.log(`\n${folder}: no gold/ and texts/ folders there, so no per-rule accuracy for it.`);
  }

  // The cross-check figures of the bundled samples, and of the real corpus when it is there.
  await printCrosscheck('samples', path.join(__dirname, '../test/fixtures/samples-crosscheck.expectations.json'));
  const sharedCorpus = path.join(__dirname, '../../shared/corpus/texts');
  if (fs.existsSync(sharedCorpus))
    await printCrosscheck(path.relative(process.cwd(), sharedCorpus) || sharedCorpus, path.join(sharedCorpus, '../expectations.json'));
  else console.log(`\n${sharedCorpus}: not here, so no cross-check figures for the real corpus.`);
}

async function printCrosscheck(folder: string, expectationsFile: string): Promise<void> {
  let score;
  try {
    score = await crosscheckScoreOf(folder, readExpectations(expectationsFile));
  } catch (e) {
    fail((e as Error).message);
  }
  console.log('\n' + formatCrosscheckScore(`${folder} (expectations ${path.relative(process.cwd(), expectationsFile) || expectationsFile})`, score));
  if (args.includes('--errors')) for (const m of score.misses) console.log(`  ${m}`);
}

function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(2);
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
