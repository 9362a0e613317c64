import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { figuresOf } from './figures.helpers';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '£',
  '5',
  ',',
  '000',
  '.',
  ' ',
  '\n',
  '\r\n',
  'kg',
  '%',
  'more than ',
  'one',
  'nine in 10',
  'hundreds of ',
  '•',
  '\u0000',
  '(',
  ')',
  '-',
  '+',
  'arrests',
  'Operation X',
  ' or under',
  'aged ',
  '\ud83d',
  '\u{1F600}',
  'Between 1 May and ',
  '2020',
  'years',
];

describe('findFigures never throws', () => {
  it('on random pieces of figure-like text', () => {
    const next = random(42);
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = Math.floor(next() * 60);
      for (let i = 0; i < length; i++) text += next() < 0.2 ? String.fromCharCode(Math.floor(next() * 0xffff)) : PIECES[Math.floor(next() * PIECES.length)];
      for (const f of figuresOf(text)) {
        assert.equal(f.text, text.slice(f.start, f.end));
        assert.ok(Number.isFinite(f.value) && Number.isFinite(f.precision), `bad value in ${JSON.stringify(text)}`);
      }
    }
  });
  it('on a 400-digit number, NUL and CRLF', () => {
    assert.deepEqual(figuresOf('9'.repeat(400) + ' arrests\u0000\r\n£' + '1'.repeat(400)), []);
  });
  it('on 5 MB of digits in reasonable time', function () {
    this.timeout(20000);
    const text = '7'.repeat(5 * 1024 * 1024);
    const started = Date.now();
    assert.deepEqual(figuresOf(text), []);
    assert.ok(Date.now() - started < 10000);
  });
  it('through analyze on odd input', () => {
    for (const text of ['', '\r\n', '£', '%%%', 'one'.repeat(10000), '1,'.repeat(5000)]) assert.doesNotThrow(() => analyze(text));
  });
});
