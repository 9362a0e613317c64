import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildRecord } from '../../src/core/record';
import { teaserLines } from '../../src/core/record/roles';

// Sentences written for these tests: a news site's links to its other stories inside an article.
describe("record: a news site's links to its other stories", () => {
  it('finds a marked teaser line, and the headlines under a "Read more" line up to the first line of prose', () => {
    const lines = (text: string) => [...teaserLines(text)];
    assert.deepEqual(lines('Headline\nREAD MORE:Man, 39, charged after raid\nThe body of the story.'), [1]);
    assert.deepEqual(
      lines('Read more\n\nTeenager, 15, held after stabbing\n\nGang jailed over £5m fraud\n\nThe detective said the sentences sent a message.\n'),
      [2, 4],
    );
    assert.deepEqual(lines('Related: 12 arrested in drugs raid\nMore: Police seize £40k\nSee also - Five jailed'), [0, 1, 2]);
    assert.deepEqual(lines('Related offences rose by 12 per cent.\nRead more about the week on the force website.\n'), [], 'prose, not a mark');
    assert.deepEqual(lines('Suffolk Police made 15 arrests.'), []);
  });

  it("keeps a teaser's figures out of the record: another story's 12 arrests is no restatement of this one's 15", () => {
    const text =
      'County lines week: 15 arrests in Suffolk\n\nSuffolk Police made 15 arrests during a week of action against county lines drug dealing.\n\n' +
      'READ MORE: 12 arrests as police target drug lines in Essex\n\nOfficers also seized £4,000 in cash.\n';
    const built = buildRecord([{ id: 'a.txt', text, analysis: analyze(text) }]);
    assert.deepEqual(
      built.records.filter((r) => r.status === 'conflict').map((r) => r.explanation),
      [],
    );
    assert.deepEqual(
      built.checks['a.txt'].filter((c) => c.status !== 'ok').map((c) => c.message),
      [],
    );
    const arrests = built.records.find((r) => r.measure === 'arrests')!;
    assert.deepEqual(
      arrests.claims.map((c) => c.text),
      ['15', '15'],
    );
    // The teaser's figure is still annotated: only the record leaves it out.
    assert.ok(analyze(text).annotations.some((a) => a.kind === 'figure' && a.text === '12'));
  });
});
