/** Runs the cross-check over a folder in-process, as `crosscheck --format json` would, and scores it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCorpus } from '../../src/cli/corpus';
import { crosscheckJson } from '../../src/cli/commands/crosscheck';
import { scoreCrosscheck, type CrosscheckExpectations, type CrosscheckScore } from './crosscheck-score';

/**
 * The expectations file of a folder: `expectations.json` in it, or beside it (a corpus keeps its texts in
 * `texts/` next to the file).
 */
export function findExpectations(folder: string): string | undefined {
  return [path.join(folder, 'expectations.json'), path.join(path.dirname(path.resolve(folder)), 'expectations.json')].find((f) => fs.existsSync(f));
}

export function readExpectations(file: string): CrosscheckExpectations {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not a readable JSON expectations file (${(e as Error).message})`);
  }
  const e = parsed as Partial<CrosscheckExpectations>;
  if (!e || !Array.isArray(e.flag) || !Array.isArray(e.link)) throw new Error(`${file}: an expectations file needs "flag" and "link" lists`);
  for (const list of [e.flag, e.link, e.trap ?? [], e.false_alarm ?? []]) {
    for (const x of list) {
      if (!x || !Array.isArray(x.docs) || !Array.isArray(x.surfaces))
        throw new Error(`${file}: expectation ${JSON.stringify(x?.name ?? x)} needs "docs" and "surfaces" lists`);
    }
  }
  for (const x of e.flag) if (!Array.isArray(x.with_any)) throw new Error(`${file}: flag ${JSON.stringify(x.name)} needs a "with_any" list`);
  return e as CrosscheckExpectations;
}

/**
 * The score of `crosscheck` on `folder`. Documents are named by the path as given (relative to the working
 * directory), as the command line names them, so the score equals that of the command's own output.
 */
export async function crosscheckScoreOf(folder: string, expectations: CrosscheckExpectations): Promise<CrosscheckScore> {
  const corpus = await runCorpus([folder], { retain: 'documents', withAnalysis: true });
  try {
    return scoreCrosscheck(JSON.parse(crosscheckJson(corpus)), expectations);
  } finally {
    corpus.dispose();
  }
}
