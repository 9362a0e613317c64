import * as assert from 'node:assert/strict';
import { namedPeople } from '../../src/core/record/people';

// Sentences written for these tests.
describe('namedPeople', () => {
  const names = (text: string) => namedPeople(text).map((p) => [p.name, text.slice(p.ageAt ?? 0, (p.ageAt ?? 0) + 2)]);

  it('reads a name with the age after it, with a nickname in brackets or "aged" between', () => {
    assert.deepEqual(names('Jane Roe, 24, and John Doe, aged 31, were jailed.'), [
      ['Jane Roe', '24'],
      ['John Doe', '31'],
    ]);
    assert.deepEqual(names("Sam Poe, (known as 'Ace'), 19, admitted the offence."), [['Sam Poe', '19']]);
    assert.deepEqual(names('Roe,\t27 was sentenced at court.'), [['Roe', '27']]);
  });
  it('finds nobody where no word is followed by a comma and an age', () => {
    assert.deepEqual(names('Officers made 40 arrests and seized £12,000 in cash across Kent.'), []);
    assert.deepEqual(names('In Kent, officers made 40 arrests, 12 of them in Dover.'), []);
    assert.deepEqual(names(''), []);
  });
  it('reads a headline\'s "Man, 39," or "Woman, 27," as a description, not a surname', () => {
    assert.deepEqual(names('Man, 39, charged after a break-in at a garage'), []);
    assert.deepEqual(names('READ MORE: Woman, 27, jailed for fraud. Teenager, 17, arrested.'), []);
    assert.deepEqual(names('Teenager Sam Poe, 17, was arrested.'), [['Sam Poe', '17']]);
  });
  it('reads every line that names someone, and never joins a name to an age on the next line', () => {
    const text = 'Jane Roe, 24, of Dover\r\nand John Doe, 31, and Sam Poe, aged 19, were jailed.\n\nA man named Lee\n, 40, was not charged.\nKay Moe, 22.';
    assert.deepEqual(names(text), [
      ['Jane Roe', '24'],
      ['John Doe', '31'],
      ['Sam Poe', '19'],
      ['Kay Moe', '22'],
    ]);
    // The offsets are the text's, not the line's.
    assert.equal(text.slice(namedPeople(text)[3].ageAt, namedPeople(text)[3].ageAt! + 2), '22');
  });
});
