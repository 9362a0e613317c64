import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { FigureAnnotation } from '../../src/core/types';

const seedsDir = path.resolve(__dirname, '../../../shared/seeds');
const PRINT = process.env.PRINT_FIGURES === '1';

/** One line per figure, to review by eye: PRINT_FIGURES=1 npx mocha test/unit/figures.seeds.test.ts */
function describeFigure(f: FigureAnnotation): string {
  const extras = [
    f.subject && `subject=${f.subject}`,
    f.change && `change=${JSON.stringify(f.change)}`,
    f.claimant && `by=${f.claimant}`,
    f.operation && `op=${f.operation}`,
    f.period && `period=${f.period.text}`,
    f.place && `place=${f.place}`,
  ];
  return `[${f.text}] ${f.value} ${f.unit} ${f.qualifier} counts=${f.counts} ${extras.filter(Boolean).join(' ')}`;
}

describe('findFigures on the seed documents', function () {
  before(function () {
    if (!existsSync(seedsDir)) {
      console.log(`    (skipped: no seed documents at ${seedsDir})`);
      this.skip();
    }
  });

  it('finds figures in every seed, each with consistent offsets, and prints them', () => {
    for (const file of readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const text = readFileSync(path.join(seedsDir, file), 'utf8');
      const figures = analyze(text).annotations.filter((a): a is FigureAnnotation => a.kind === 'figure');
      if (PRINT) {
        console.log(`    ${file}: ${figures.length} figures`);
        for (const f of figures) console.log(`      ${describeFigure(f)}`);
      }
      assert.ok(figures.length > 0, `${file}: no figures`);
      for (const f of figures) {
        assert.equal(f.text, text.slice(f.start, f.end));
        assert.ok(Number.isFinite(f.value));
      }
    }
  });

  it('reads no phone number, date or year in the seeds as a figure', () => {
    for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(seedsDir, file), 'utf8');
      const figures = analyze(text).annotations.filter((a): a is FigureAnnotation => a.kind === 'figure');
      for (const f of figures) assert.doesNotMatch(f.text, /^(?:101|999|0800.*|(?:19|20)\d\d)$/, `${file}: ${f.text}`);
    }
  });
});
