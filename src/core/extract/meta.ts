import type { LineIndex } from '../text/lines';
import type { DocumentMeta, LegalTermAnnotation, OrganisationAnnotation, Period } from '../types';
import { ledeClaimant, namedProgramme } from './attribution';
import { findPeriods, monthNumber } from './periods';
import { wordCount } from '../text/words';

export interface MetaContext {
  readonly entities: readonly (OrganisationAnnotation | LegalTermAnnotation)[];
  readonly lineIndex: LineIndex;
  /** Told of an internal error (no meta is returned then); analyze() turns it into a notice. */
  readonly onError?: (stage: string, error: unknown) => void;
}

interface Line {
  readonly start: number;
  readonly text: string;
}

const HEADER_LINES = 8;
const MAX_RUN_TOGETHER_LINE = 800;
const MAX_HEADLINE_WORDS = 30;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
/** "20 October 2023 00:01", "Jun 02, 2020 12:31 BST", "2023-10-20", "20/10/2023", optionally after a weekday. */
const DATELINE_RES: readonly RegExp[] = [
  new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH})\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?`, 'u'),
  new RegExp(String.raw`\b(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?`, 'u'),
  /\b(\d{4})-(\d{2})-(\d{2})\b/,
  /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/,
];
const PUBLISHER_RES: readonly RegExp[] = [
  /^\s*(?:published|issued|released)\s+by\s*:?\s+(?:the\s+)?(.+?)\s*$/i,
  /^\s*follow\s+(?:the\s+)?(.+?)\s*$/i,
  /^\s*(?:source|via|from)\s*:\s*(.+?)\s*$/i,
  // "• Video report by ITV News National Editor Allegra Stratton": the outlet, not its editor.
  /^\s*[•*-]?\s*(?:video\s+|audio\s+)?report\s+by\s+(?:the\s+)?(.+?)\s*$/i,
];

function nonEmptyLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) lines.push({ start: m.index, text: m[0] });
  return lines;
}

/** A long document's meta is read from its head and its tail only (the parts of this many characters). */
const META_PART_CHARS = 10_000;

/** The parts of a text of `length` characters that `readMeta` reads: the whole of a short one. */
export function metaParts(length: number): readonly (readonly [number, number])[] {
  return length > 2 * META_PART_CHARS
    ? [
        [0, META_PART_CHARS],
        [length - META_PART_CHARS, length],
      ]
    : [[0, length]];
}

/**
 * Title, publisher and publication date where the document states them, and what the headline and lede
 * set for the figures below them: the period they report and the organisation they report for. Never
 * throws (an internal error goes to `ctx.onError`); reads only the first and last few lines, so it costs nothing on long documents.
 */
export function readMeta(text: string, ctx: MetaContext): DocumentMeta {
  try {
    const lines = nonEmptyLines(text.length > 2 * META_PART_CHARS ? text.slice(0, META_PART_CHARS) + '\n' + text.slice(-META_PART_CHARS) : text);
    const head = lines.slice(0, HEADER_LINES);
    const tail = lines.slice(-4);
    const title = readTitle(text, head);
    const date = readDate(head);
    const publisher = readPublisher(head, tail, ctx);
    const body = bodyLines(head, title);
    const period = readMainPeriod(title, body, date);
    const programme = namedProgramme([title ?? '', ...body.map((l) => l.text)].join('\n'));
    const claimant = body.length
      ? ledeClaimant(text, { start: body[0].start, end: body[0].start + body[0].text.length }, organisationsIn(ctx), publisher)
      : undefined;
    return {
      ...(title ? { title } : {}),
      ...(publisher ? { publisher } : {}),
      ...(date ? { date } : {}),
      ...(period ? { period } : {}),
      ...(claimant ? { claimant } : {}),
      ...(programme ? { programme } : {}),
    };
  } catch (e) {
    ctx.onError?.('meta', e);
    return {};
  }
}

/** Lines that read as prose (the lede and the paragraphs after it), not the headline, byline or dateline. */
const MIN_BODY_WORDS = 8;
const LEDE_PARAGRAPHS = 3;

function bodyLines(head: readonly Line[], title: string | undefined): Line[] {
  return head
    .filter((line) => {
      const t = line.text.trim();
      if (title && t.endsWith(title) && t.length - title.length < 40) return false;
      if (PUBLISHER_RES.some((re) => re.test(t)) || /^[•*\-–+]/.test(t)) return false;
      return wordCount(t, MIN_BODY_WORDS) >= MIN_BODY_WORDS;
    })
    .slice(0, LEDE_PARAGRAPHS);
}

/**
 * The first span of dates the headline, lede or the paragraph after it states ("from 9 to 15 October
 * 2023", "in the 12 months to 30 September 2023"). A single day or year there ("set up in 2018") is
 * background, not the period the figures report.
 */
function readMainPeriod(title: string | undefined, body: readonly Line[], date: string | undefined): Period | undefined {
  const ctx = date ? { published: date } : {};
  for (const words of [title ?? '', ...body.slice(0, 2).map((l) => l.text)]) {
    const found = findPeriods(words, ctx).find((f) => f.period.from && f.period.to && f.period.from !== f.period.to);
    if (found) return found.period;
  }
  return undefined;
}

function organisationsIn(ctx: MetaContext): OrganisationAnnotation[] {
  return ctx.entities.filter((e): e is OrganisationAnnotation => e.kind === 'organisation');
}

function readTitle(text: string, head: readonly Line[]): string | undefined {
  for (const line of head) {
    let t = line.text.trim();
    if (PUBLISHER_RES.some((re) => re.test(t))) continue;
    // A dateline glued to the headline ("20 October 2023 00:01 Met close down ..."): drop it.
    t = t.replace(new RegExp(String.raw`^(?:\d{1,2}\s+${MONTH}\s+\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4})(?:,?\s+\d{1,2}:\d{2}(?:\s*[A-Z]{3})?)?\s+`, 'u'), '');
    t = cutRepeatedLede(text, line, t);
    if (!looksLikeHeadline(t)) return undefined;
    return t;
  }
  return undefined;
}

/** Some pages run headline and lede together; the lede reappears later as its own paragraph. */
function cutRepeatedLede(text: string, line: Line, t: string): string {
  if (t.length > MAX_RUN_TOGETHER_LINE) return t;
  const words = t.split(/\s+/);
  for (let i = 3; i < Math.min(words.length - 4, MAX_HEADLINE_WORDS); i++) {
    const probe = words.slice(i, i + 6).join(' ');
    if (probe.length >= 20 && startsALaterLine(text, probe, line.start + line.text.length)) return words.slice(0, i).join(' ');
  }
  return t;
}

function startsALaterLine(text: string, probe: string, from: number): boolean {
  for (let at = text.indexOf(probe, from); at >= 0; at = text.indexOf(probe, at + 1)) {
    if (/(?:^|[\r\n])[ \t]*$/.test(text.slice(Math.max(0, at - 8), at))) return true;
  }
  return false;
}

function looksLikeHeadline(t: string): boolean {
  if (t.length < 8 || t.length > 200) return false;
  if (/[.:;,]$/.test(t)) return false;
  if (/^[•*\-–+]/.test(t)) return false;
  return /\p{L}/u.test(t);
}

function readDate(head: readonly Line[]): string | undefined {
  for (const line of head) {
    for (const [i, re] of DATELINE_RES.entries()) {
      const m = re.exec(line.text);
      if (!m) continue;
      const iso =
        i === 0 ? ymd(m[3], monthNumber(m[2]), m[1]) : i === 1 ? ymd(m[3], monthNumber(m[1]), m[2]) : i === 2 ? ymd(m[1], m[2], m[3]) : ymd(m[3], m[2], m[1]);
      if (iso) return iso;
    }
  }
  return undefined;
}

function ymd(year: string, month: string | undefined, day: string): string | undefined {
  const mm = Number(month);
  const dd = Number(day);
  if (!month || mm < 1 || mm > 12 || dd < 1 || dd > 31) return undefined;
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function readPublisher(head: readonly Line[], tail: readonly Line[], ctx: MetaContext): string | undefined {
  const organisations = ctx.entities.filter((e): e is OrganisationAnnotation => e.kind === 'organisation');
  for (const line of [...head, ...tail]) {
    for (const re of PUBLISHER_RES) {
      const m = re.exec(line.text);
      if (!m) continue;
      const nameStart = line.start + line.text.indexOf(m[1]);
      const known = organisations.find((o) => o.start >= nameStart && o.end <= nameStart + m[1].length) ?? namedByDomain(m[1], organisations);
      return known ? known.entityId : slug(withoutDate(m[1]));
    }
  }
  return mostMentionedForce(organisations);
}

/** "Published by Kent Police, 18 October 2023" names Kent Police. */
function withoutDate(name: string): string {
  return name.split(/\s*(?:,|\s[-–|•]\s|\bon\s+\d)/, 1)[0];
}

/** "source: theguardian.com" is the Guardian the text mentions elsewhere. */
function namedByDomain(name: string, organisations: readonly OrganisationAnnotation[]): OrganisationAnnotation | undefined {
  if (!/\.[a-z]{2,}/i.test(name)) return undefined;
  const domain = name.toLowerCase().replace(/[^a-z0-9.]/g, '');
  return organisations.find((o) => {
    const squashed = o.text.toLowerCase().replace(/[^a-z0-9]/g, '');
    return squashed.length >= 3 && domain.includes(squashed);
  });
}

function mostMentionedForce(organisations: readonly OrganisationAnnotation[]): string | undefined {
  const counts = new Map<string, number>();
  for (const o of organisations) if (o.orgType === 'police-force') counts.set(o.entityId, (counts.get(o.entityId) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [id, n] of counts) if (n > bestCount) [best, bestCount] = [id, n];
  return best;
}

/** For a publisher the lexicon does not know: "Metropolitan Police" → "metropolitan-police", "theguardian.com" → "theguardian". */
function slug(name: string): string | undefined {
  const s = name
    .replace(/^(?:https?:\/\/)?(?:www\.)?([\w-]+)\.(?:co\.uk|com|org|org\.uk|net|gov\.uk|police\.uk|uk)\b.*$/i, '$1')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.length > 0 && s.length <= 60 ? s : undefined;
}
