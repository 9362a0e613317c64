/**
 * `npm run eval:reporting [-- --dir DIR --expected FILE]`: precision and recall of the pre-publication
 * checks per rule over (rule, span) pairs, on the project's synthetic drafts or on another folder of
 * drafts with an expectations file in the same format; lists every miss and false finding.
 */
import { loadDrafts, precision, recall, scoreDrafts } from '../test/support/reporting-drafts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const drafts = loadDrafts(arg('--dir'), arg('--expected'));
const { perRule, errors } = scoreDrafts(drafts);
console.log(`${drafts.length} drafts, ${drafts.reduce((n, d) => n + d.expected.length, 0)} expected findings`);
for (const [rule, s] of [...perRule].sort()) {
  console.log(`${rule.padEnd(28)} P=${precision(s).toFixed(3)} R=${recall(s).toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
}
for (const e of errors) {
  for (const m of e.missed) console.log(`  missed   ${e.id}: ${m.rule} “${m.text}”`);
  for (const f of e.spurious) console.log(`  spurious ${e.id}: ${f.rule} “${f.text}” — ${f.message}`);
}
