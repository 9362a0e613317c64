#!/usr/bin/env node
// Generates syntaxes/crime-report.tmLanguage.json from the lexicon data, so the colours VS Code
// paints before the analysis runs agree with the names the analysis knows. Run `npm run generate`
// after editing src/core/lexicon/data/*.json; test/unit/grammar.test.ts fails while the committed
// grammar is stale. Mirrors the matcher's rules where a regular expression can: word boundaries,
// straight or curly apostrophes, hyphen or space between words, the case rules of docs/lexicon.md,
// and legal-term plurals.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dataDir = path.join(root, 'src/core/lexicon/data');
const outFile = path.join(root, 'syntaxes/crime-report.tmLanguage.json');

const escape = (s) => s.replace(/[\\^$.*+?()[\]{}|\/]/g, '\\$&');

/** Splits an alias into words the way the matcher does: letters/digits with inner apostrophes; other marks stand alone. */
function words(text) {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*['’]?|[^\s\p{L}\p{N}-]/gu) ?? [];
}

function wordPattern(word, mode) {
  if (word === '&' || word.toLowerCase() === 'and') return '(?:&|(?i:and))';
  // An apostrophe may be straight, curly or missing ("Chief's", "Chief’s", "Chiefs").
  const parts = word.split(/['’]/);
  const body = (part) => {
    if (mode === 'exact' || part === '') return escape(part);
    if (mode === 'initial') return escape(part[0]) + (part.length > 1 ? `(?i:${escape(part.slice(1))})` : '');
    return /^\p{L}/u.test(part) ? `(?i:${escape(part)})` : escape(part);
  };
  return parts.map(body).join("['’]?");
}

/** Words are separated by spaces or a hyphen; punctuation ("s.60", "Behaviour, Crime") needs no space. */
function separator(previous, word) {
  const isWord = (w) => /^[\p{L}\p{N}]/u.test(w);
  return isWord(previous) && isWord(word) ? '[\\s\\-]+' : '\\s*';
}

/**
 * An alias as the list of regex pieces for its words, each carrying the separator before it, plus
 * its context conditions. A plural adds a second path ("robbery" / "robberies").
 */
function aliasPaths(alias, kind, plural) {
  const spec = typeof alias === 'string' ? { text: alias } : alias;
  const ws = words(spec.text);
  if (ws.length === 0) return { spec, paths: [] };
  let initialDone = kind !== 'organisation';
  const modes = ws.map((w) => {
    if (spec.match === 'exact') return 'exact';
    if (spec.match === 'insensitive') return 'insensitive';
    if (/[A-Z].*[A-Z]/.test(w)) return 'exact';
    if (!initialDone && /^[A-Z]/.test(w)) {
      initialDone = true;
      return 'initial';
    }
    return 'insensitive';
  });
  const pieces = ws.map((w, i) => (i === 0 ? '' : separator(ws[i - 1], w)) + wordPattern(w, modes[i]));
  const last = ws[ws.length - 1];
  const n = ws.length - 1;
  const sep = n === 0 ? '' : separator(ws[n - 1], last);
  const paths = [pieces];
  if (plural && /^[a-z]{2,}$/i.test(last)) {
    if (last === last.toUpperCase()) paths.push([...pieces.slice(0, n), `${pieces[n]}s`]);
    else if (/[^aeiou]y$/i.test(last)) paths.push([...pieces.slice(0, n), `${sep}${wordPattern(last.slice(0, -1), modes[n])}(?i:ies)`]);
    else paths.push([...pieces.slice(0, n), `${pieces[n]}(?i:${/(s|x|z|ch|sh)$/i.test(last) ? 'es' : 's'})`]);
  }
  return { spec, paths };
}

/**
 * One regular expression for many aliases, factored into a trie of word pieces so the regex engine
 * tests a shared prefix once: a flat alternation of hundreds of names made tokenising a page take
 * a second. Within a node longer continuations come first, so the longest name wins.
 */
function trieRegex(paths) {
  const root = { children: new Map(), end: false, depth: 0 };
  for (const path of paths) {
    let node = root;
    for (const piece of path) {
      if (!node.children.has(piece)) node.children.set(piece, { children: new Map(), end: false, depth: 0 });
      node = node.children.get(piece);
    }
    node.end = true;
  }
  const depth = (node) => (node.depth = Math.max(0, ...[...node.children.values()].map((c) => 1 + depth(c))));
  depth(root);
  const emit = (node) => {
    const parts = [...node.children.entries()]
      .sort(([ka, a], [kb, b]) => b.depth - a.depth || (ka < kb ? -1 : ka > kb ? 1 : 0))
      .map(([piece, child]) => piece + emit(child));
    if (node.end && parts.length) parts.push('');
    if (parts.length === 0) return '';
    return parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
  };
  return emit(root);
}

function alternation(entries, kind) {
  const plain = [];
  const conditional = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const { spec, paths } = aliasPaths(alias, kind, kind === 'legal-term' && entry.plural !== false);
      if (paths.length === 0) continue;
      if (!spec.after && !spec.notAfter && !spec.notBefore && !spec.notSentenceStart) {
        plain.push(...paths);
        continue;
      }
      let pattern = `${trieRegex(paths)}(?![\\p{L}\\p{N}])`;
      if (spec.after) pattern = `(?<=(?i:${spec.after.map(escape).join('|')})\\s)${pattern}`;
      // Oniguruma allows alternatives of different lengths only at the top of a look-behind.
      if (spec.notAfter) pattern = `${spec.notAfter.map((w) => `(?<!(?<![\\p{L}\\p{N}])(?i:${escape(w)})\\s)`).join('')}${pattern}`;
      if (spec.notBefore) pattern += `(?!\\s+(?i:${spec.notBefore.map(escape).join('|')})(?![\\p{L}\\p{N}]))`;
      if (spec.notSentenceStart) pattern = `(?<=[\\p{Ll},;]\\s)${pattern}`;
      conditional.push(pattern);
    }
  }
  // Names with context conditions come after the trie, so "Met Office" is tried before "Met".
  const alternatives = [`${trieRegex(plain)}(?![\\p{L}\\p{N}])`, ...[...new Set(conditional)]];
  return `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

function buildGrammar() {
  const organisations = JSON.parse(fs.readFileSync(path.join(dataDir, 'organisations.json'), 'utf8')).organisations;
  const legalTerms = JSON.parse(fs.readFileSync(path.join(dataDir, 'legal-terms.json'), 'utf8')).legalTerms;
  // Dates, times and phone numbers are matched before figures so their digits are not coloured as claims.
  const inline = [{ include: '#organisations' }, { include: '#legal-terms' }, { include: '#not-figures' }, { include: '#figures' }];
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Crime Report',
    scopeName: 'text.crime-report',
    comment: 'GENERATED by scripts/generate-grammar.js from src/core/lexicon/data. Do not edit by hand: run `npm run generate`.',
    patterns: [{ include: '#headline' }, { include: '#dateline' }, { include: '#bullet' }, { include: '#quotation' }, ...inline],
    repository: {
      headline: {
        comment: 'The first line of a release is its headline.',
        begin: '\\A(?=[^\\s])',
        end: '$',
        name: 'markup.heading.1.crime-report',
        // Some releases open with their date on the headline's line: "20 October 2023 00:01 Met close down ...".
        patterns: [{ include: '#dateline' }, ...inline],
      },
      dateline: {
        comment: 'A publication line: "Published 21 October 2023", "20 October 2023 00:01", "News • Jun 02, 2020 12:31 BST".',
        patterns: [
          { match: '^\\s*(?:Published|Updated|Posted|Last updated)\\b.*$', name: 'comment.line.dateline.crime-report' },
          {
            match: `^\\s*(?:(?:News|Press release)\\s*[•|-]\\s*)?(?:\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}|(?:${MONTHS})\\s+\\d{1,2},\\s+\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?:\\s*(?:BST|GMT|UTC))?)?`,
            name: 'comment.line.dateline.crime-report',
          },
        ],
      },
      bullet: {
        match: '^\\s*([•·▪◦*+\\-–])(?=\\s)',
        captures: { 1: { name: 'punctuation.definition.list.begin.crime-report' } },
        name: 'markup.list.unnumbered.crime-report',
      },
      quotation: {
        comment: 'Quotes often run on to the next paragraph without closing, so a quotation also ends at the end of its line.',
        patterns: [
          { begin: '“', end: '”|$', name: 'string.quoted.double.crime-report', patterns: inline },
          { begin: '(?<![\\p{L}\\p{N}])"(?=\\S)', end: '"|$', name: 'string.quoted.double.crime-report', patterns: inline },
          { begin: '(?<![\\p{L}\\p{N}])‘(?=\\S)', end: '’(?![\\p{L}\\p{N}])|$', name: 'string.quoted.single.crime-report', patterns: inline },
        ],
      },
      organisations: {
        comment: 'Known organisations from organisations.json.',
        match: alternation(organisations, 'organisation'),
        name: 'entity.name.type.organisation.crime-report',
      },
      'legal-terms': {
        comment: 'Legal terms from legal-terms.json.',
        match: alternation(legalTerms, 'legal-term'),
        name: 'support.type.legal-term.crime-report',
      },
      'not-figures': {
        comment: 'Numbers that are not claims: dates, years as dates, times and phone numbers. Scoped as meta.*, which themes leave uncoloured.',
        patterns: [
          {
            match: `(?<![\\p{L}\\p{N}])(?:\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(?:${MONTHS})(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{4})(?![\\p{L}\\p{N}])`,
            name: 'meta.date.crime-report',
          },
          { match: '(?<![\\p{L}\\p{N}.,/])\\d{1,2}/\\d{1,2}/\\d{2,4}(?![\\p{N}])', name: 'meta.date.crime-report' },
          {
            match: '(?<=\\b(?:in|since|from|of|during|until|by|between|and|to|summer|spring|autumn|winter)\\s)(?:19|20)\\d{2}(?:/\\d{2})?(?![\\p{L}\\p{N}])',
            name: 'meta.date.year.crime-report',
          },
          {
            match: '(?<![\\p{L}\\p{N}.,:])\\d{1,2}[:.]\\d{2}\\s?(?:am|pm|BST|GMT)?(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}.,])\\d{1,2}\\s?(?:am|pm)(?![\\p{L}])',
            name: 'meta.time.crime-report',
          },
          {
            match:
              '(?<=\\b(?i:call|calling|dial|ring|phone|text|on|or)\\s(?:us\\s)?(?:on\\s)?)(?:101|999|111)(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])0\\d{2,4}[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?![\\p{N}])',
            name: 'meta.phone-number.crime-report',
          },
        ],
      },
      figures: {
        patterns: [
          { match: '£\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:m|bn|k|million|billion)(?![\\p{L}]))?', name: 'constant.numeric.currency.crime-report' },
          {
            match: '(?<![\\p{L}\\p{N}.])\\d[\\d,]*(?:\\.\\d+)?\\s?(?:kg|g|tonnes?|kilos?|kilograms?|grams?)(?![\\p{L}])',
            name: 'constant.numeric.weight.crime-report',
          },
          { match: '(?<![\\p{L}\\p{N}.])\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|per\\s?cent(?![\\p{L}]))', name: 'constant.numeric.percentage.crime-report' },
          { match: '(?<![\\p{L}\\p{N}.,])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\p{N}])', name: 'constant.numeric.integer.crime-report' },
          { match: '(?<![\\p{L}\\p{N}.,:])\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}:])', name: 'constant.numeric.crime-report' },
        ],
      },
    },
  };
}

/** The grammar file's exact text, so the staleness test compares like with like. */
function grammarText() {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

module.exports = { buildGrammar, grammarText, outFile };

if (require.main === module) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, grammarText());
  console.log(`wrote ${path.relative(root, outFile)}`);
}
