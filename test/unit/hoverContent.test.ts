import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyze } from '../../src/core/analyze';
import { figureCard, legalTermCard, organisationCard, type FigureCardData } from '../../src/extension/features/hoverContent';
import { escapeMarkdown } from '../../src/extension/util/markdown';

// CommonMark with GFM-style autolinking and raw HTML on: stricter than VS Code's hover, so text
// that renders inert here is inert there.
const md = new MarkdownIt({ html: true, linkify: true });

const attacks = [
  '[click me](command:workbench.action.terminal.new)',
  '![img](https://evil.example/x.png)',
  '<img src=x onerror="alert(1)"> <a href="command:x">a</a>',
  'visit https://evil.example or www.evil.example now',
  '**bold** _em_ `code` ~~strike~~',
  'line one\n# heading\n- list\n```\nfence',
  '[ref]: command:workbench.action.quit\n[ref]',
  '<command:workbench.action.quit>',
  'back\\slash \\[not a link\\](command:x)',
  '&lt;script&gt; &amp; &#x3C;',
  'cell | pipe | split',
];

function renderInert(markdown: string, attack: string): void {
  const html = md.render(markdown);
  assert.ok(!/<a\s/i.test(html), `a link was made from ${JSON.stringify(attack)}:\n${html}`);
  assert.ok(!/<img/i.test(html), `an image was made from ${JSON.stringify(attack)}`);
  assert.ok(!/<(script|h1|ul|pre|code|strong|em|s|table)\b/i.test(html), `markup was made from ${JSON.stringify(attack)}:\n${html}`);
}

describe('escapeMarkdown', () => {
  for (const attack of attacks) {
    it(`renders ${JSON.stringify(attack.slice(0, 40))} as inert text`, () => {
      const escaped = escapeMarkdown(attack);
      renderInert(escaped, attack);
      // The reader still sees the same characters (line breaks become spaces, entities stay literal).
      const text = md
        .renderInline(escaped)
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      assert.equal(text, attack.replace(/[\r\n]+/g, ' '));
    });
  }
});

const figure: FigureCardData = {
  text: '290 arrests',
  value: '290',
  unit: 'count',
  counts: 'arrests',
  qualifier: 'more than',
  claimant: 'National Crime Agency',
  period: '9-15 October',
  checks: [{ kind: 'sum', status: 'warning', message: 'parts add to 291', arithmetic: '100 + 191 = 291' }],
  record: {
    status: 'conflict',
    measure: 'arrests',
    explanation: 'Kent says 300',
    others: [
      {
        source: 'samples/kent.crime.txt',
        text: '300 arrests',
        qualifier: 'exact',
        publisher: 'Kent Police',
        location: { uri: 'file:///w/samples/kent.crime.txt', line: 4, start: 120, end: 131 },
      },
      { source: 'figures.reference.csv', text: '295', qualifier: 'exact', isReference: true, sourceUrl: 'https://example.gov/stats' },
    ],
  },
};

describe('figureCard', () => {
  it('shows value, unit, measure, qualifier, claimant, period, the other sources and the checks', () => {
    const html = md.render(figureCard(figure));
    for (const expected of [
      '290',
      'count',
      'arrests',
      'more than',
      'National Crime Agency',
      '9-15 October',
      'Sources disagree',
      '300 arrests',
      'Kent Police',
      '100 + 191 = 291',
      'reference',
      'https://example.gov/stats',
    ]) {
      assert.ok(html.includes(expected), `missing ${expected} in\n${html}`);
    }
  });

  it('shows how a figure was read where the reading is a guess, as inert text', () => {
    const card = figureCard({ ...figure, warnings: ['"2,4500" has its comma in an unusual place; read as the one number 24,500.', attacks[0]] });
    const html = md.render(card);
    assert.ok(html.includes('read as the one number 24,500'), html);
    assert.ok(html.indexOf('24,500') < html.indexOf('Cross-source record'), 'the reading sits under the value, before the record');
    assert.ok(!/href="command:workbench\.action\.terminal\.new"/.test(html), html);
    assert.ok(!md.render(figureCard(figure)).includes('<p>⚠'), 'no warning line without warnings');
  });

  it('carries the core\'s number-format warning of the court write-up sample ("as many as 2.000") into the card', () => {
    const text = readFileSync(path.join(__dirname, '../../samples/11-court-news-report.crime.txt'), 'utf8');
    const f = analyze(text).annotations.find((a) => a.kind === 'figure' && a.text === 'as many as 2.000');
    assert.ok(f && f.kind === 'figure', 'the sample states "as many as 2.000"');
    assert.equal(f.value, 2);
    const html = md.render(figureCard({ ...figure, text: f.text, value: '2', warnings: (f.warnings ?? []).map((w) => w.message) }));
    assert.ok(html.includes('<p>⚠'), html);
    assert.ok(html.includes('was read as 2 of a counted thing; if the point separates thousands, it is 2,000.'), html);
  });

  it('shows the event, why its claims were joined and the evidence with its weight, strongest first, at most four', () => {
    const evidence = [
      { between: 'a.txt and b.txt', text: '£731,460 in both', weight: 12 },
      { between: 'a.txt and c.txt', text: '12-18 May 2025 in both', weight: 7 },
      { between: 'a.txt and b.txt', text: 'published 1 day apart', weight: 3 },
      { between: 'a.txt and c.txt', text: 'published 2 days apart', weight: 3 },
      { between: 'a.txt and b.txt', text: 'Some 1,873 in both', weight: 1.5 },
    ];
    const card = figureCard({
      ...figure,
      record: {
        ...figure.record!,
        joinedBy: 'Joined because they report the same event, count arrests and are national.',
        event: { label: 'one event, 12-18 May 2025', documents: ['a.txt', 'b.txt', 'c.txt'], evidence },
      },
    });
    const text = md.render(card).replace(/<[^>]+>/g, '');
    assert.ok(text.includes('Joined because they report the same event, count arrests and are national.'), text);
    assert.ok(text.includes('Event: one event, 12-18 May 2025 (3 documents)'), text);
    assert.ok(text.includes('£731,460 in both (+12 bits): a.txt and b.txt'), text);
    assert.ok(text.indexOf('£731,460') < text.indexOf('12-18 May 2025 in both'));
    assert.ok(!text.includes('Some 1,873 in both'), 'only the four strongest pieces of evidence');
    // A record of one document's own event says so rather than listing nothing.
    const alone = figureCard({ ...figure, record: { ...figure.record!, event: { label: 'one document, May 2025', documents: ['a.txt'], evidence: [] } } });
    assert.match(md.render(alone), /one document, May 2025 \(this document only\)/);
  });

  it('links each other source to openClaim with its location, and nothing else', () => {
    const html = md.render(figureCard(figure));
    const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    assert.equal(links.length, 1, html);
    assert.ok(links[0].startsWith('command:crimeAnnotator.openClaim?'));
    assert.deepEqual(JSON.parse(links[0].slice(links[0].indexOf('?') + 1)), [{ uri: 'file:///w/samples/kent.crime.txt', line: 4, start: 120, end: 131 }]);
  });

  it('keeps injected markdown in every document-derived field inert', () => {
    for (const attack of attacks) {
      const hostile: FigureCardData = {
        ...figure,
        text: attack,
        counts: attack,
        subject: attack,
        qualifier: attack,
        claimant: attack,
        period: attack,
        place: attack,
        operation: attack,
        checks: [{ kind: attack, status: attack, message: attack, arithmetic: attack }],
        record: {
          status: attack,
          measure: attack,
          explanation: attack,
          joinedBy: attack,
          event: { label: attack, documents: [attack, attack], evidence: [{ between: attack, text: attack, weight: 12 }] },
          others: [{ source: attack, text: attack, qualifier: attack, publisher: attack, date: attack, sourceUrl: attack }],
        },
      };
      const html = md.render(figureCard(hostile));
      assert.ok(!/<a\s/i.test(html), `a link was made from ${JSON.stringify(attack)}:\n${html}`);
      assert.ok(!/<img|<script|<h1/i.test(html), `markup was made from ${JSON.stringify(attack)}`);
    }
  });
});

describe('organisationCard', () => {
  it('shows canonical name, type, aliases and mentions per document with a link to the first', () => {
    const out = organisationCard({
      text: 'the Met',
      canonical: 'Metropolitan Police Service',
      type: 'police-force',
      known: true,
      aliases: ['the Met', 'Met Police'],
      mentions: [
        { source: 'a.crime', count: 3, first: { uri: 'file:///w/a.crime', line: 1 } },
        { source: 'b.crime', count: 2, first: { uri: 'file:///w/b.crime', line: 7 } },
      ],
    });
    const html = md.render(out);
    for (const expected of ['Metropolitan Police Service', 'police-force', 'Met Police', '5 in 2 documents'])
      assert.ok(html.includes(expected), `missing ${expected} in\n${html}`);
    const links = [...md.render(out).matchAll(/<a href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    assert.equal(links.length, 2);
    assert.ok(links.every((l) => l.startsWith('command:crimeAnnotator.revealOccurrence?')));
  });

  it('keeps a hostile alias and source name inert', () => {
    const out = organisationCard({
      text: 'x',
      canonical: attacks[0],
      type: 'other',
      known: false,
      aliases: attacks,
      mentions: [{ source: attacks[0], count: 1, first: { uri: 'file:///x', line: 0 } }],
    });
    const html = md.render(out);
    const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(links.length, 1, html);
    assert.ok(links[0].startsWith('command:crimeAnnotator.revealOccurrence?'));
  });
});

describe('legalTermCard', () => {
  it('shows the definition, category and statute', () => {
    const out = legalTermCard({
      text: 'PWITS',
      canonical: 'possession with intent to supply',
      category: 'offence',
      statute: 'Misuse of Drugs Act 1971, s.5(3)',
      definition: 'Having a controlled drug to pass on.',
    });
    const html = md.render(out);
    for (const expected of ['possession with intent to supply', 'offence', 'Having a controlled drug to pass on.', 'Misuse of Drugs Act 1971, s.5(3)']) {
      assert.ok(html.includes(expected), `missing ${expected} in\n${html}`);
    }
  });
});
