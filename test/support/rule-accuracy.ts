/**
 * Accuracy of each measure rule (src/core/extract/measureRules.ts): for every gold figure a prediction
 * matches, whether the rule that decided the prediction's `counts` got it right. Two kinds of gold:
 *
 * - the project's gold (test/fixtures/gold): right when `counts` is one of the gold's alternatives;
 * - a folder in the real-reporting format (`gold/<id>.json` with `texts/<id>.txt`, as
 *   ../shared/gold-dev has): right when the prediction shares a content word with the gold's
 *   description outside its parentheses, compared on the first five letters ("arrests" ~ "arrests
 *   (linked crackdown)"), the way that folder's own scorer judges it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type FigureAnnotation } from '../../src/core';
import { MEASURE_RULES } from '../../src/core/extract/measureRules';
import { matchSpans, type GoldCase } from './gold';

export interface RuleTally {
  readonly rule: string;
  figures: number;
  right: number;
  readonly misses: string[];
}

const NO_RULE = '(none)';

function tallyOf(tallies: Map<string, RuleTally>, rule: string | undefined): RuleTally {
  const key = rule ?? NO_RULE;
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { rule: key, figures: 0, right: 0, misses: [] }));
  return t;
}

const figuresOf = (text: string) => analyze(text).annotations.filter((a): a is FigureAnnotation => a.kind === 'figure');

/** Per-rule accuracy on the project's gold cases. */
export function ruleAccuracyOnGold(cases: readonly GoldCase[]): RuleTally[] {
  const tallies = new Map<string, RuleTally>();
  for (const c of cases) {
    const gold = c.gold.filter((a) => a.kind === 'figure');
    for (const [g, p] of matchSpans(gold, figuresOf(c.text))) {
      const t = tallyOf(tallies, p.measureRule);
      t.figures++;
      const ok = p.counts !== null && (g.counts ?? []).some((x) => x.trim().toLowerCase() === p.counts!.toLowerCase());
      if (ok) t.right++;
      else
        t.misses.push(
          `${c.corpus}/${c.document} ${JSON.stringify(c.text.slice(g.start, g.end))}: counts ${JSON.stringify(p.counts)}, gold ${(g.counts ?? []).join(' | ')}`,
        );
    }
  }
  return sorted(tallies);
}

const STOP = new Set([
  'of',
  'the',
  'a',
  'an',
  'in',
  'for',
  'and',
  'or',
  'to',
  'by',
  'on',
  'at',
  'with',
  'from',
  'total',
  'number',
  'people',
  'value',
  'amount',
]);
const stems = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .replace(/\([^)]*\)/g, ' ')
      .split(/[^a-z]+/)
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );
function describedBy(predicted: string, description: string): boolean {
  const wanted = stems(description);
  for (const w of stems(predicted)) if (wanted.has(w)) return true;
  return false;
}

interface FolderGold {
  readonly id: string;
  readonly figures: readonly { text: string; occurrence?: number; counts?: string }[];
}

/** A gold period or duration of the report itself ("period covered by ...") says when, not what: it is left out. */
const PERIOD_RE = /\b(?:period|duration|length of the|time since|anniversary|age at its)\b/i;

/** Per-rule accuracy on a folder with `gold/*.json` and `texts/*.txt`; undefined when it is absent. */
export function ruleAccuracyOnFolder(folder: string): RuleTally[] | undefined {
  const goldDir = path.join(folder, 'gold');
  const textDir = path.join(folder, 'texts');
  if (!fs.existsSync(goldDir) || !fs.existsSync(textDir)) return undefined;
  const tallies = new Map<string, RuleTally>();
  for (const file of fs
    .readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(goldDir, file), 'utf8')) as FolderGold;
    const textFile = path.join(textDir, `${gold.id}.txt`);
    if (!fs.existsSync(textFile)) continue;
    const text = fs.readFileSync(textFile, 'utf8');
    const spans = gold.figures.flatMap((g) => {
      let at = -1;
      for (let k = 0; k < (g.occurrence ?? 1); k++) {
        at = text.indexOf(g.text, at + 1);
        if (at < 0) return [];
      }
      return g.counts && !PERIOD_RE.test(g.counts) ? [{ start: at, end: at + g.text.length, counts: g.counts, text: g.text }] : [];
    });
    for (const [g, p] of matchSpans(spans, figuresOf(text))) {
      const t = tallyOf(tallies, p.measureRule);
      t.figures++;
      if (p.counts !== null && describedBy(p.counts, g.counts)) t.right++;
      else t.misses.push(`${gold.id} ${JSON.stringify(g.text)}: counts ${JSON.stringify(p.counts)}, gold "${g.counts}"`);
    }
  }
  return sorted(tallies);
}

function sorted(tallies: Map<string, RuleTally>): RuleTally[] {
  const order = new Map(MEASURE_RULES.map((r, i) => [r.id, i]));
  return [...tallies.values()].sort((a, b) => (order.get(a.rule) ?? 99) - (order.get(b.rule) ?? 99) || a.rule.localeCompare(b.rule));
}

export function formatRuleTable(title: string, tallies: readonly RuleTally[], withMisses = false): string {
  const examples = new Map(MEASURE_RULES.map((r) => [r.id, r.example]));
  const lines = [title, `${'rule'.padEnd(20)} ${'figures'.padStart(7)} ${'right'.padStart(6)} ${'acc'.padStart(6)}  example`];
  let figures = 0;
  let right = 0;
  for (const t of tallies) {
    figures += t.figures;
    right += t.right;
    lines.push(
      `${t.rule.padEnd(20)} ${String(t.figures).padStart(7)} ${String(t.right).padStart(6)} ${(t.right / (t.figures || 1)).toFixed(3).padStart(6)}  ${examples.get(t.rule) ?? ''}`,
    );
  }
  lines.push(`${'all'.padEnd(20)} ${String(figures).padStart(7)} ${String(right).padStart(6)} ${(right / (figures || 1)).toFixed(3).padStart(6)}`);
  if (withMisses) for (const t of tallies) for (const m of t.misses) lines.push(`  [${t.rule}] ${m}`);
  return lines.join('\n');
}
