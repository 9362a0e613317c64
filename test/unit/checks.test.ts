import * as assert from 'node:assert/strict';
import { checkDocument, type ArithmeticCheck } from '../../src/core/record';
import { fig, makeDoc } from '../support/figures';

const brief = (c: ArithmeticCheck) => ({ kind: c.kind, status: c.status, arithmetic: c.arithmetic });

describe('checks: sums', () => {
  const weekOfAction = [
    'The operation led to the seizure of 16.9kg of suspected drugs across the capital.',
    '',
    'Results:',
    '  • 377 charges in total, of which 287 drug trafficking charges',
    '  • 238 charges for Class A drugs and 49 for Class B drugs',
    '',
    'Seized:',
    '  • 7.6kg Class A drugs',
    '  • 9.3kg Class B drugs',
    '',
    'Separately, 135 modern slavery charges were brought.',
  ].join('\n');
  const doc = makeDoc('week.txt', weekOfAction, [
    fig('16.9kg', { counts: 'drugs seized' }),
    fig('377 charges', { counts: 'charges' }),
    fig('287 drug trafficking charges', { counts: 'charges', subject: 'drug trafficking charges' }),
    fig('238 charges', { counts: 'charges', subject: 'Class A drugs' }),
    fig('49', { counts: 'charges', subject: 'Class B drugs' }),
    fig('7.6kg', { counts: 'drugs seized', subject: 'Class A drugs' }),
    fig('9.3kg', { counts: 'drugs seized', subject: 'Class B drugs' }),
    fig('135 modern slavery charges', { counts: 'charges', subject: 'modern slavery charges' }),
  ]);
  const sums = checkDocument(doc).filter((c) => c.kind === 'sum');

  it('adds Class A and Class B seizures to the drugs total stated paragraphs earlier', () => {
    const c = sums.find((s) => s.operands.some((o) => o.role === 'total' && o.value === 16.9))!;
    assert.deepEqual(brief(c), { kind: 'sum', status: 'ok', arithmetic: '7.6 + 9.3 = 16.9' });
    assert.deepEqual(
      c.operands.map((o) => [o.value, o.role, o.line]),
      [
        [7.6, 'part', 7],
        [9.3, 'part', 8],
        [16.9, 'total', 0],
      ],
    );
  });

  it('adds the Class A and Class B charges to the drug trafficking charges beside them', () => {
    const c = sums.find((s) => s.operands.some((o) => o.role === 'total' && o.value === 287))!;
    assert.deepEqual(brief(c), { kind: 'sum', status: 'ok', arithmetic: '238 + 49 = 287' });
  });

  it('does not invent a breakdown for a total its neighbours do not add up to', () => {
    assert.equal(
      sums.find((s) => s.operands.some((o) => o.role === 'total' && o.value === 377)),
      undefined,
    );
    assert.equal(sums.length, 2);
  });

  it('accepts parts whose sum exceeds a lower-bound total', () => {
    const d = makeDoc('arrests.txt', 'More than 700 people were arrested. Over 650 men and 91 women were held in raids.', [
      fig('More than 700 people', { value: 700, qualifier: 'more than', counts: 'arrests', subject: 'people' }),
      fig('Over 650 men', { value: 650, qualifier: 'over', counts: 'arrests', subject: 'men' }),
      fig('91 women', { counts: 'arrests', subject: 'women' }),
    ]);
    assert.deepEqual(checkDocument(d).map(brief), [{ kind: 'sum', status: 'ok', arithmetic: '650 + 91 = 741 (stated: more than 700)' }]);
  });

  it('reports parts listed with a total that they do not add up to, with a fix', () => {
    const text = 'In total, 43 people were arrested: 20 men and 20 women.';
    const d = makeDoc('t.txt', text, [
      fig('43 people', { counts: 'arrests' }),
      fig('20 men', { counts: 'arrests', subject: 'men' }),
      fig('20 women', { counts: 'arrests', subject: 'women' }),
    ]);
    const [c] = checkDocument(d);
    assert.deepEqual(brief(c), { kind: 'sum', status: 'conflict', arithmetic: '20 + 20 = 40 (stated: 43)' });
    assert.deepEqual(c.fix, {
      start: text.indexOf('43'),
      end: text.indexOf('43') + 9,
      replacement: '40 people',
      title: 'Replace “43 people” with the sum of its parts (40)',
    });
  });

  it('needs a cue or a narrower subject before it treats figures as parts', () => {
    const d = makeDoc('t.txt', 'Officers made 12 arrests on Monday, 8 arrests on Tuesday and 20 arrests on Friday.', [
      fig('12 arrests', { counts: 'arrests' }),
      fig('8 arrests', { counts: 'arrests' }),
      fig('20 arrests', { counts: 'arrests' }),
    ]);
    assert.deepEqual(
      checkDocument(d).filter((c) => c.kind === 'sum'),
      [],
    );
  });
});

describe('checks: percentage changes', () => {
  const text = 'Between March and May arrests are up 55% (1,431 to 2,232) and charges are up 143% (346 to 841).';
  const d = makeDoc('p.txt', text, [
    fig('55%', { counts: 'drug trafficking arrests', change: { direction: 'up' } }),
    fig('1,431', { counts: 'drug trafficking arrests' }),
    fig('2,232', { counts: 'drug trafficking arrests' }),
    fig('143%', { counts: 'drug trafficking charges', change: { direction: 'up', from: 346, to: 841 } }),
  ]);
  const checks = checkDocument(d).filter((c) => c.kind === 'percent-change');

  it('warns that 55% is a mis-rounding of 55.97%, and offers 56%', () => {
    const c = checks[0];
    assert.deepEqual(brief(c), { kind: 'percent-change', status: 'warning', arithmetic: '(2,232 − 1,431) ÷ 1,431 = +55.97%' });
    assert.deepEqual(
      c.operands.map((o) => o.role),
      ['before', 'after', 'stated'],
    );
    assert.deepEqual(c.fix, {
      start: text.indexOf('55%'),
      end: text.indexOf('55%') + 3,
      replacement: '56%',
      title: 'Replace “55%” with “56%” ((2,232 − 1,431) ÷ 1,431 = +55.97%)',
    });
  });

  it('accepts 143% for 346 to 841', () => {
    assert.deepEqual(brief(checks[1]), { kind: 'percent-change', status: 'ok', arithmetic: '(841 − 346) ÷ 346 = +143.06%' });
    assert.equal(checks[1].fix, undefined);
  });

  it('calls a change off by more than one point a conflict, and a change in the wrong direction too', () => {
    const t = 'Robberies fell 30% (200 to 150) and burglaries are down 10% (100 to 120).';
    const e = makeDoc('q.txt', t, [
      fig('30%', { counts: 'robberies', change: { direction: 'down', from: 200, to: 150 } }),
      fig('10%', { counts: 'burglaries', change: { direction: 'down', from: 100, to: 120 } }),
    ]);
    assert.deepEqual(checkDocument(e).map(brief), [
      { kind: 'percent-change', status: 'conflict', arithmetic: '(150 − 200) ÷ 200 = −25%' },
      { kind: 'percent-change', status: 'conflict', arithmetic: '(120 − 100) ÷ 100 = +20%' },
    ]);
  });
});

describe('checks: a restated change against the figures given elsewhere', () => {
  const text = 'Arrests up by more than half\n\nDrug trafficking arrests are up 61% (1,431 to 2,232) and charges are up 12% (100 to 112).';
  const spec = (stated: string, value: number, bound: 'lower' | 'exact' = 'lower', qualifier = 'more than') =>
    makeDoc('h.txt', text.replace('more than half', stated), [
      fig(stated, { counts: 'arrests', value, precision: 1, unit: 'percent', qualifier, bound, change: { direction: 'up' } }),
      fig('61%', { counts: 'drug trafficking arrests', change: { direction: 'up', from: 1431, to: 2232 } }),
      fig('1,431', { counts: 'drug trafficking arrests' }),
      fig('2,232', { counts: 'drug trafficking arrests' }),
      fig('12%', { counts: 'charges', change: { direction: 'up', from: 100, to: 112 } }),
    ]);
  const restated = (d: ReturnType<typeof makeDoc>) => checkDocument(d).filter((c) => c.kind === 'percent-change' && c.operands.some((o) => o.start < 30));

  it('accepts "more than half" for 1,431 to 2,232 (+55.97%), though the body says 61%', () => {
    const [c] = restated(spec('more than half', 50));
    assert.deepEqual(brief(c), { kind: 'percent-change', status: 'ok', arithmetic: '(2,232 − 1,431) ÷ 1,431 = +55.97%' });
    assert.deepEqual(c.operands.map((o) => o.role).sort(), ['after', 'before', 'stated']);
  });

  it('reads a change stated as a share ("more than half", ratio 0.5) as the percentage it means', () => {
    const [c] = restated(
      makeDoc('r.txt', text, [
        fig('more than half', {
          counts: 'arrests',
          value: 0.5,
          precision: 0.01,
          unit: 'ratio',
          qualifier: 'more than',
          bound: 'lower',
          change: { direction: 'up' },
        }),
        fig('61%', { counts: 'drug trafficking arrests', change: { direction: 'up', from: 1431, to: 2232 } }),
        fig('1,431', { counts: 'drug trafficking arrests' }),
        fig('2,232', { counts: 'drug trafficking arrests' }),
      ]),
    );
    assert.deepEqual([c.status, c.actual], ['ok', 50]);
  });

  it("flags a headline that overstates the change the body's figures give", () => {
    const [c] = restated(spec('more than 60%', 60));
    assert.equal(c.status, 'conflict');
  });

  it('leaves a restated change alone when it could mean either of two changes', () => {
    const d = makeDoc('k.txt', 'Up by more than half\n\nArrests up 61% (1,431 to 2,232); arrests in Kent up 60% (100 to 160).', [
      fig('more than half', {
        counts: 'arrests',
        value: 50,
        precision: 1,
        unit: 'percent',
        qualifier: 'more than',
        bound: 'lower',
        change: { direction: 'up' },
      }),
      fig('61%', { counts: 'arrests', change: { direction: 'up', from: 1431, to: 2232 } }),
      fig('60%', { counts: 'arrests', change: { direction: 'up', from: 100, to: 160 } }),
    ]);
    assert.equal(restated(d).length, 0);
  });
});

describe('checks: proportions', () => {
  const text = 'Of the cases so far, all 18 defendants pleaded guilty. Nine in 10 pleaded guilty, the force said. More than nine in 10 pleaded guilty overall.';
  const d = makeDoc('g.txt', text, [
    fig('all 18', { value: 18, precision: 1, unit: 'count', counts: 'defendants' }),
    fig('Nine in 10', { value: 0.9, precision: 0.1, unit: 'ratio', counts: 'pleaded guilty' }),
    fig('More than nine in 10', { value: 0.9, precision: 0.1, unit: 'ratio', counts: 'pleaded guilty', qualifier: 'more than', bound: 'lower' }),
  ]);
  const checks = checkDocument(d).filter((c) => c.kind === 'proportion');
  it('warns that "nine in 10" understates "all 18"', () => {
    assert.deepEqual(brief(checks[0]), { kind: 'proportion', status: 'warning', arithmetic: '18 ÷ 18 = 100% (stated: 90%)' });
  });
  it('accepts "more than nine in 10" for "all 18"', () => {
    assert.deepEqual(brief(checks[1]), { kind: 'proportion', status: 'ok', arithmetic: '18 ÷ 18 = 100% (stated: more than 90%)' });
  });
  it('computes "15 of the 18" and calls 61% a conflict with it', () => {
    const e = makeDoc('h.txt', 'In court, 15 of the 18 defendants admitted the offence; 61% admitted it.', [
      fig('15', { counts: 'admitted the offence' }),
      fig('18 defendants', { counts: 'defendants' }),
      fig('61%', { counts: 'admitted the offence' }),
    ]);
    assert.deepEqual(
      checkDocument(e)
        .filter((c) => c.kind === 'proportion')
        .map(brief),
      [{ kind: 'proportion', status: 'conflict', arithmetic: '15 ÷ 18 = 83.3% (stated: 61%)' }],
    );
  });
});

describe('checks: qualifiers and restatements', () => {
  it('accepts "over 1,000 charges" against an exact 1,135, and rejects "more than 1,300" against 1,250', () => {
    const text =
      'The force brought over 1,000 charges. In all 1,135 charges were laid. More than 1,300 people were charged. Records show 1,250 people charged.';
    const d = makeDoc('c.txt', text, [
      fig('over 1,000 charges', { value: 1000, qualifier: 'over', counts: 'charges' }),
      fig('1,135 charges', { counts: 'charges' }),
      fig('More than 1,300', { value: 1300, qualifier: 'more than', counts: 'people charged' }),
      fig('1,250 people', { counts: 'people charged' }),
    ]);
    assert.deepEqual(checkDocument(d).map(brief), [
      { kind: 'qualifier', status: 'ok', arithmetic: '1,135 > 1,000 (stated: over 1,000)' },
      { kind: 'qualifier', status: 'conflict', arithmetic: '1,250 < 1,300 (stated: more than 1,300)' },
    ]);
  });

  it('flags a "more than" that the exact figure it restates makes false', () => {
    const d = makeDoc('m.txt', 'The week brought more than 290 arrests.\n\n  • 290 arrests\n', [
      fig('more than 290 arrests', { value: 290, qualifier: 'more than', counts: 'arrests' }),
      fig('290 arrests', { occurrence: 1, counts: 'arrests' }),
    ]);
    assert.deepEqual(checkDocument(d).map(brief), [{ kind: 'qualifier', status: 'conflict', arithmetic: '290 = 290 (stated: more than 290)' }]);
    assert.equal(checkDocument(d)[0].rule, 'conflicting-qualifiers');
  });

  it('flags a headline figure restated differently in the body', () => {
    const d = makeDoc('h.txt', 'Forty people arrested\n\nIn the end 43 people were arrested.', [
      fig('Forty', { value: 40, precision: 1, unit: 'count', counts: 'arrests' }),
      fig('43 people', { counts: 'arrests' }),
    ]);
    assert.deepEqual(checkDocument(d).map(brief), [{ kind: 'restatement', status: 'conflict', arithmetic: '40 ≠ 43' }]);
  });
});
