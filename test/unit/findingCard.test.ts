import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { findingCard, type FindingCardData } from '../../src/extension/features/legalChecks/card';

const md = new MarkdownIt({ html: true, linkify: true });
const attacks = [
  '[Show Log](command:workbench.action.terminal.new)',
  '<img src=x onerror="alert(1)">',
  'www.evil.example',
  '# heading\n- list',
  '`code` **bold**',
];

const base: FindingCardData = {
  rule: 'youth-anonymity',
  title: 'A child suspect or defendant is named',
  severity: 'error',
  text: 'Owen Tarrant',
  message: '“Owen Tarrant” is 15 and is named as a suspect or defendant.',
  explanation: 'Anonymity in the youth court is automatic.',
  statute: 'Children and Young Persons Act 1933, s.49',
  statutes: [{ canonical: 'Children and Young Persons Act 1933', definition: 'Sets rules for how courts deal with children.' }],
  fix: 'Replace “Owen Tarrant” with “a 15-year-old boy”',
};

describe('pre-publication finding card', () => {
  it('gives the rule, the message, the law, the legal-term card, the fix and the caveat', () => {
    const text = md.render(findingCard(base));
    for (const s of [
      'A child suspect or defendant is named',
      'youth-anonymity',
      'is 15 and is named',
      'Children and Young Persons Act 1933, s.49',
      'Sets rules for how courts deal with children',
      'a 15-year-old boy',
      'not legal advice',
    ])
      assert.ok(text.includes(s), s);
  });

  it('links only to the explain command, whatever the document text says', () => {
    for (const attack of attacks) {
      const html = md.render(findingCard({ ...base, text: attack, message: `${attack} is named`, fix: `Replace ${attack}` }));
      const links = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]);
      assert.deepEqual(
        links.map((l) => l.split('?')[0]),
        ['command:crimeAnnotator.explainLegalCheck'],
        attack,
      );
      assert.ok(!/<img|<h1|<ul|<strong>bold/i.test(html), attack);
    }
  });
});
