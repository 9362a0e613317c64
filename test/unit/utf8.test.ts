import * as assert from 'node:assert/strict';
import { utf8Length } from '../../src/core/text/utf8';

describe('utf8Length', () => {
  const encoded = (text: string) => Buffer.byteLength(text, 'utf8');

  it('gives the UTF-8 size where it could fall either side of the limit', () => {
    for (const text of ['plain ASCII release', '£214,568 seized', 'Café – “quoted” — 😀 and 𝑥', '']) {
      assert.equal(utf8Length(text, text.length * 2), encoded(text), text);
    }
  });

  it('keeps a surrogate pair whole where the text is encoded in pieces', () => {
    // The pieces are 65,536 code units long: put an emoji across the first boundary and the next.
    const text = 'a'.repeat(65_535) + '😀' + 'b'.repeat(65_534) + '😀' + '£'.repeat(10);
    assert.equal(utf8Length(text, text.length * 2), encoded(text));
  });

  it('does not encode a text whose answer the limit already decides', () => {
    const text = '££££';
    // Longer than the limit in code units: over it whatever its bytes.
    assert.equal(utf8Length(text, 3), text.length);
    // At most three bytes a code unit: under a limit three times its length.
    assert.equal(utf8Length(text, 12), text.length);
    assert.equal(utf8Length(text, 11), encoded(text));
  });
});
