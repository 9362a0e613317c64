import * as assert from 'node:assert/strict';
import data from '../../src/core/lexicon/data/force-areas.json';
import { findPlaces } from '../../src/core/record/places';

// Texts written for these tests.
const TEXTS = [
  'Officers in Kent and in Ramsgate made arrests; a Kent-based gang and Kentish towns were not the point.',
  'In Greater Manchester, Stockport and Wigan, officers visited 40 addresses. Newcastle upon Tyne too.',
  'KENT in capitals is not a name as written, nor is kent; West Mercia and Telford and Wrekin are.',
  'Ashby-de-la-Zouch, Stratford-upon-Avon and Weston-super-Mare: three towns with hyphens.',
  '',
  'Nothing here names a place at all, though Operation Orochi is named.',
];

describe('findPlaces', () => {
  it('has gazetteer names that all start with a capital letter and are two or more characters long, which its search relies on', () => {
    const names = data.forces.flatMap((f) => [...f.areas, ...f.towns]);
    assert.ok(names.length > 500);
    assert.deepEqual(
      names.filter((n) => !/^\p{Lu}/u.test(n) || n.length < 2),
      [],
    );
  });

  it('finds what one search of the whole pattern finds', () => {
    // The plain search it replaced: every name (but those listed under two forces) in one alternation,
    // tried at every character.
    const names = [...new Set(findPlacesReferenceNames())].sort((a, b) => b.length - a.length);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const whole = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}]|-(?:based|born)?\\p{L})`, 'gu');
    for (const text of TEXTS) {
      const expected = [...text.matchAll(whole)].map((m) => [m.index, m[0]]);
      const found = findPlaces(text).map((p) => [p.start, text.slice(p.start, p.end)]);
      assert.deepEqual(found, expected, text);
    }
  });

  it('reads names as written, with their hyphens, and not inside other words', () => {
    const text = TEXTS[0];
    assert.deepEqual(
      findPlaces(text).map((p) => text.slice(p.start, p.end)),
      ['Kent', 'Ramsgate'],
    );
    assert.deepEqual(
      findPlaces(TEXTS[2]).map((p) => p.name),
      ['West Mercia', 'Telford and Wrekin'],
    );
    assert.deepEqual(
      findPlaces(TEXTS[3]).map((p) => p.kind),
      ['town', 'town', 'town'],
    );
  });

  it('searches only the given range, giving offsets in the whole text', () => {
    const text = TEXTS[1];
    const from = text.indexOf('Stockport');
    assert.deepEqual(
      findPlaces(text, from, from + 9).map((p) => [p.start, p.name]),
      [[from, 'Stockport']],
    );
  });
});

function findPlacesReferenceNames(): string[] {
  const byKey = new Map<string, { force: string; name: string } | null>();
  for (const f of data.forces) {
    for (const name of [...f.areas, ...f.towns]) {
      const key = name.toLowerCase();
      const known = byKey.get(key);
      if (known === undefined) byKey.set(key, { force: f.force, name });
      else if (known && known.force !== f.force) byKey.set(key, null);
    }
  }
  return [...byKey.values()].filter((v): v is { force: string; name: string } => !!v).map((v) => v.name);
}
