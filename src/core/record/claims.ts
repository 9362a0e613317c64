import type { FigureAnnotation, OrganisationAnnotation } from '../types';
import { intervalOf, scale, type Interval } from './interval';
import { blockOfLine } from './blocks';
import { changeRoles } from './changes';
import { toBase, unitFamily } from './units';
import type { Claim, SourceDocument } from './types';
import { daysOf, linkWindowOfDays } from './window';
import { isRemainder, isVague, lineRoles, listHedges, partsOf, phraseAfter, type PositionRole } from './roles';
import { documentScopes, NATIONAL, type DocumentScopes, type Scope } from './scope';
import { personOfAge } from './people';
import { bitsOf, chanceOfStatedValue } from './valueBits';
import { effectiveShape } from './rounding';
import { rowAt } from './rows';

export { daysOf } from './window';

/** A claim with what the linker needs to place it; `recordId` is filled in when it is linked. */
export interface LinkableClaim extends LinkDimensions {
  claim: Claim;
  /** Must be equal for two claims to be linked: measure|unit family|place|subject. */
  readonly hardKey: string;
  /**
   * Claims are only ever linked within one partition. A claim about its document's event is in the event's
   * partition for its unit family and scope (`e|event|family|scope`); one with a period of its own (a
   * programme's total since 2019, a reference row no event claims) in its measure's (`p|hard key|scope`).
   */
  partitionKey: string;
  /** The event the claim's document reports, once events are resolved (see events.ts); undefined off-event. */
  event?: string;
  /** What the figure counts over (see scope.ts): never the claimant. */
  readonly scope: string;
  readonly scopeLabel: string;
  /** Why the scope is what it is, for the card. */
  readonly scopeWhy: string;
  /** Headline or caption, lede or body: what a different value beside it means. */
  readonly role: PositionRole;
  /** The words after the figure ("vulnerable people"), for telling apart figures of a generic measure. */
  readonly phrase?: string;
  /** True when the measure names no particular thing ("people"): such figures are only linked by their words or value. */
  readonly generic: boolean;
  /** How much a shared value says that two statements are the same figure, in bits, whatever their measures. */
  readonly valueBits: number;
  /** True when the claim states no period of its own, or one within its document's event. */
  readonly framed: boolean;
  /** The annotation id of the figure this one is introduced as part of ("including 58 children"). */
  readonly partOf?: string;
  /** True for a figure introduced as the rest of a group or more of it ("the other eight"): a part of some total. */
  readonly remainder: boolean;
  /** Where the figure's sentence starts (-1 for reference rows): two values of one sentence are two things. */
  readonly sentenceStart: number;
  /** The document's publication date as days since 1970, for telling apart period-less figures of different times. */
  readonly day?: number;
  /** `periodFrom` and `periodTo` as days since 1970, where they are dates. */
  readonly periodStart?: number;
  readonly periodEnd?: number;
  /** The days this claim can be linked across documents around (see `linkWindow`). */
  readonly windowLo: number;
  readonly windowHi: number;
  /** The stated value in the family's base unit. */
  readonly point: number;
  /** The paragraph or list the figure is in (-1 for reference rows): within one, a different value is a different thing. */
  readonly block: number;
  /** The values the claim allows, in the family's base unit. */
  readonly interval: Interval;
  /** Sort key among claims of one group, so linking never depends on insertion order. */
  readonly order: string;
  /** A hedge the figure shares with the list it is in ("some 1,600 arrests, 100kg of cannabis"): judged with it. */
  readonly hedge?: { readonly qualifier: string; readonly bound: Claim['bound'] };
}

/** Lower case, single spaces, no leading article: the form keys compare. */
export function normaliseKeyPart(s: string | undefined | null): string | undefined {
  if (s === undefined || s === null) return undefined;
  // Measures, subjects and places repeat across a corpus: each is normalised once (four passes over it).
  let n = normalisedParts.get(s);
  if (n === undefined) {
    n = s
      .toLowerCase()
      .replace(/[‘’']/g, "'")
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?:the|a|an) /, '');
    if (normalisedParts.size >= MAX_NORMALISED_PARTS) normalisedParts.clear();
    normalisedParts.set(s, n);
  }
  return n.length ? n : undefined;
}

const normalisedParts = new Map<string, string>();
const MAX_NORMALISED_PARTS = 20_000;

export function normalisePlace(s: string | undefined): string | undefined {
  return normaliseKeyPart(s?.replace(/^\s*(?:in|across|around|throughout|within)\s+/i, ''));
}

export function normaliseOperation(s: string | undefined): string | undefined {
  return normaliseKeyPart(s?.replace(/^\s*(?:operation|op\.?)\s+/i, ''));
}

/** The measure a figure reports; a change ("up 55%") measures something else than the level ("2,232 arrests"). */
export function measureOf(f: Pick<FigureAnnotation, 'counts' | 'change'>): string | undefined {
  const m = normaliseKeyPart(f.counts);
  if (!m) return undefined;
  return f.change ? `${m} (change)` : m;
}

export function hardKeyOf(measure: string, family: string, place: string | undefined, subject: string | undefined): string {
  return [measure, family, place ?? '', subject ?? ''].join('|');
}

/**
 * The organisation a figure is claimed by: its stated claimant, or else the publisher when the publisher is
 * an organisation that produces such figures (a force publishing its own results), never a news outlet.
 * `publisherOrganisation` is the document's, from `publisherOrganisationOf`.
 */
function organisationOf(f: FigureAnnotation, publisherOrganisation: string | undefined): string | undefined {
  return f.claimant ? normaliseKeyPart(f.claimant) : publisherOrganisation;
}

function publisherOrganisationOf(doc: SourceDocument): string | undefined {
  const publisher = (doc.meta ?? doc.analysis.meta).publisher;
  if (!publisher) return undefined;
  const org = doc.analysis.annotations.find((a): a is OrganisationAnnotation => a.kind === 'organisation' && a.entityId === publisher);
  return org && org.orgType !== 'media' ? normaliseKeyPart(publisher) : undefined;
}

/**
 * The words of each figure's own clause, as one line: its sentence cut at the nearest comma, semicolon,
 * dash or bracket either side. A record lists many claims; each shows the words that state it, not a
 * sentence that runs on through five other figures ("..., 33 firearms, 377 bladed weapons and ...").
 */
function clauseTexts(text: string): (f: FigureAnnotation) => string {
  return (f) => {
    const whole = f.sentence && f.sentence.end > f.sentence.start;
    const sStart = whole ? f.sentence.start : f.start;
    const sEnd = whole ? f.sentence.end : f.end;
    let start = f.start;
    while (start > sStart && !isClauseBreak(text, start - 1)) start--;
    let end = f.end;
    while (end < sEnd && !isClauseBreak(text, end)) end++;
    const clause = text.slice(start, end);
    // Most clauses need no tidying; the test is one pass where the tidying is three.
    if (!UNTIDY_CLAUSE.test(clause)) return clause || f.text;
    return (
      clause
        .replace(/^[\s,;(–—-]+|[\s,;)–—-]+$/g, '')
        .replace(/\s+/g, ' ')
        .trim() || f.text
    );
  };
}

/** What the tidying of a clause changes: punctuation or space at either end, a run of spaces, a space other than " ". */
const UNTIDY_CLAUSE = /^[\s,;(–—-]|[\s,;)–—-]$|\s\s|[^\S ]/;

/** A comma or semicolon before a space, a bracket, or a dash between spaces; never the comma inside "1,468". */
function isClauseBreak(text: string, i: number): boolean {
  const c = text[i];
  if (c === ';' || c === '(' || c === ')' || c === '[' || c === ']') return true;
  if (c === ',') return /\s/.test(text[i + 1] ?? ' ');
  if (c === '–' || c === '—') return true;
  return c === '-' && text[i - 1] === ' ' && text[i + 1] === ' ';
}

/**
 * Measures that describe one person each ("aged 16"): two of them in a document are usually two people,
 * and no other source restates them, so they are not linked.
 */
const PER_PERSON_MEASURES = new Set(['age']);

/** Measures that name no particular thing: two documents' "12 people" may be any twelve people. */
const GENERIC_MEASURES = new Set(['people', 'persons', 'individuals', 'items', 'things', 'number']);

/** Shortest and longest own period still read as the document's event (a week of action), in days. */
const MAX_FRAMED_DAYS = 31;

/**
 * Whether a figure's own period is its document's event: none stated, or one that overlaps the week the
 * document reports and is not much longer than it ("this year" in a release about March), not a programme's
 * total "since April 2022" or "the previous week".
 */
function isFramed(
  period: { from?: string; to?: string } | undefined,
  published: number | undefined,
  docPeriods: readonly { start: number; end: number }[],
): boolean {
  if (!period || (!period.from && !period.to)) return true;
  const from = period.from ?? period.to!;
  const to = period.to ?? published ?? period.from!;
  const start = daysOf(from);
  const endDay = typeof to === 'number' ? to : daysOf(to);
  if (start === undefined || endDay === undefined) return true;
  // A year or month stated loosely ("this year", "in March") covers the days it names.
  const end = typeof to === 'number' ? to : to.length === 4 ? endDay + 365 : to.length === 7 ? endDay + 30 : endDay;
  const coarse =
    from.length < 10 && (typeof to === 'number' || to.length < 10) && from.slice(0, 4) === (typeof to === 'number' ? from.slice(0, 4) : to.slice(0, 4));
  if (docPeriods.length) return docPeriods.some((p) => start <= p.end && p.start <= end && (end - start <= MAX_FRAMED_DAYS || coarse));
  if (published !== undefined) return end - start <= MAX_FRAMED_DAYS ? Math.abs(published - end) <= 60 : coarse && start <= published && published <= end;
  return end - start <= MAX_FRAMED_DAYS || (coarse && from.length === 4);
}

/** How long before its report a case's offences, raids and arrests may be: investigations take years. */
const MAX_CASE_LOOKBACK_DAYS = 5 * 366;

/**
 * A court report's dated incident ("on 14 March 2022, officers found 61 wraps"): a day of the case it
 * reports, told months or years before the sentencing, so the case is its event as every other report of
 * the case tells it, not a period of its own keyed by who published it.
 */
function isCaseIncident(period: { from?: string; to?: string } | undefined, published: number | undefined): boolean {
  if (!period?.from || period.from.length < 10 || published === undefined) return false;
  const start = daysOf(period.from);
  const end = period.to && period.to.length >= 10 ? daysOf(period.to) : start;
  if (start === undefined || end === undefined) return false;
  return end - start <= MAX_FRAMED_DAYS && end <= published && published - start <= MAX_CASE_LOOKBACK_DAYS;
}

function eventPeriodsOf(doc: SourceDocument, figures: readonly FigureAnnotation[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const meta = doc.meta ?? doc.analysis.meta;
  for (const p of [meta.period, ...figures.map((f) => f.period)]) {
    if (!p?.from || !p.to || p.from.length < 10 || p.to.length < 10) continue;
    const start = daysOf(p.from)!;
    const end = daysOf(p.to)!;
    if (end - start >= 2 && end - start <= MAX_FRAMED_DAYS && !out.some((x) => x.start === start && x.end === end)) out.push({ start, end });
  }
  return out;
}

/**
 * Every figure of a document that has a measure, as a claim ready to be linked. Figures with no `counts`
 * are not linked, nor vague magnitudes ("hundreds of weapons"). A figure that does not say who claims it
 * takes the organisation of the document's other figures of the same measure when they all name the same
 * one; the organisation is the claimant, kept on the claim, and its scope (scope.ts) is what it may be
 * linked with. `scopes` are the document's when the caller has read them already.
 */
export function claimsOf(doc: SourceDocument, scopes: DocumentScopes = documentScopes(doc)): LinkableClaim[] {
  const meta = doc.meta ?? doc.analysis.meta;
  const figures = doc.analysis.annotations.filter((a): a is FigureAnnotation => a.kind === 'figure');
  const roles = changeRoles(doc.text, figures);
  const blocks = blockOfLine(doc.text);
  const positions = lineRoles(doc.text);
  const parts = partsOf(doc.text, figures);
  const sentenceOf = clauseTexts(doc.text);
  const publisherOrganisation = publisherOrganisationOf(doc);
  const published = meta.date ? daysOf(meta.date) : undefined;
  const docPeriods = eventPeriodsOf(doc, figures);
  const pending: { claim: Claim; dims: LinkDimensions; extra: ClaimExtras }[] = [];
  const hedges = listHedges(doc.text, figures);
  for (const a of figures) {
    if (!Number.isFinite(a.value) || isVague(a) || opensPercentRange(doc.text, a)) continue;
    // A court report's "Jane Roe, (aka 'Ace'), 24," is an age whatever the extractor made of it.
    const person = scopes.isCase && a.value < 100 && Number.isInteger(a.value) ? personOfAge(scopes.people, a) : undefined;
    const measured = person ? 'age' : measureOf(a);
    if (!measured) continue;
    const scope: Scope = scopes.scopeOf(person && a.counts !== 'age' ? { ...a, counts: 'age', unit: 'years' } : a);
    // Ages describe one person each: only a named person's age is linked, to the same person's elsewhere.
    if (PER_PERSON_MEASURES.has(measured) && !scope.key.startsWith('person:')) continue;
    // The before of a change counts an earlier period than its sentence states; the after is the level now.
    const measure = roles.get(a.id) === 'before' ? `${measured} (before)` : measured;
    const unit = person ? 'years' : a.unit;
    const claim: Mutable<Claim> = {
      recordId: '',
      docId: doc.id,
      annotationId: a.id,
      start: a.start,
      end: a.end,
      line: a.line,
      text: a.text,
      value: a.value,
      unit,
      qualifier: a.qualifier,
      bound: a.bound,
      precision: a.precision,
      sentence: sentenceOf(a),
    };
    if (meta.publisher) claim.publisher = meta.publisher;
    if (meta.date) claim.date = meta.date;
    const organisation = organisationOf(a, publisherOrganisation);
    if (organisation) claim.claimant = organisation;
    claim.scope = scope.label;
    const phrase = phraseAfter(doc.text, a);
    const partOf = parts.get(a.id);
    pending.push({
      claim,
      dims: {
        measure,
        family: unitFamily(unit),
        place: normalisePlace(a.place),
        subject: normaliseKeyPart(a.subject),
        organisation,
        operation: normaliseOperation(a.operation),
        periodFrom: a.period?.from || undefined,
        // "Since November 2019" runs to the day it was written.
        periodTo: a.period?.to || (a.period?.from && meta.date) || undefined,
      },
      extra: {
        scope: scope.key,
        scopeLabel: scope.label,
        scopeWhy: scope.why,
        role: positions[rowAt(doc.text, a.start)] ?? 'body',
        phrase: phrase || undefined,
        generic: GENERIC_MEASURES.has(measured),
        valueBits: effectiveShape(a) === 'exact' ? bitsOf(chanceOfStatedValue(a.value, a.precision)) : 0,
        framed: isFramed(a.period, published, docPeriods) || (scopes.isCase && isCaseIncident(a.period, published)),
        sentenceStart: a.sentence?.end > a.sentence?.start ? a.sentence.start : a.start,
        // Always present (possibly undefined): one shape for every claim's extras, built without spreads.
        partOf: partOf || undefined,
        remainder: isRemainder(doc.text, a),
        hedge: hedges.get(a.id),
      },
    });
  }
  const orgsByKey = new Map<string, Set<string>>();
  for (const { dims } of pending) {
    const key = hardKeyOf(dims.measure, dims.family, dims.place, dims.subject);
    const set = orgsByKey.get(key) ?? orgsByKey.set(key, new Set()).get(key)!;
    if (dims.organisation) set.add(dims.organisation);
  }
  return pending.map(({ claim, dims, extra }) => {
    const block = blocks[Math.min(rowAt(doc.text, claim.start), blocks.length - 1)] ?? 0;
    if (dims.organisation) return linkable(claim, dims, block, extra);
    const known = orgsByKey.get(hardKeyOf(dims.measure, dims.family, dims.place, dims.subject))!;
    if (known.size !== 1) return linkable(claim, dims, block, extra);
    const organisation = [...known][0];
    (claim as Mutable<Claim>).claimant = organisation;
    return linkable(claim, { ...dims, organisation }, block, extra);
  });
}

/** What a claim carries beyond its link dimensions: where it stands and what it counts over. */
export interface ClaimExtras {
  readonly scope: string;
  readonly scopeLabel: string;
  readonly scopeWhy: string;
  readonly role: PositionRole;
  readonly phrase?: string;
  readonly generic: boolean;
  readonly valueBits: number;
  readonly framed: boolean;
  readonly sentenceStart?: number;
  readonly partOf?: string;
  readonly remainder?: boolean;
  readonly hedge?: { readonly qualifier: string; readonly bound: Claim['bound'] };
}

/** "80 to 90 per cent": the first number of a range of percentages, read without its unit. */
function opensPercentRange(text: string, f: FigureAnnotation): boolean {
  return f.unit !== 'percent' && /^\s*(?:to|-|–|and)\s*\d+(?:\.\d+)?\s*(?:per\s*cent|percent|%)/i.test(text.slice(f.end, f.end + 24));
}

/** A reference row's scope: what its organisation covers (a national body the country, a force its area). */
export function referenceExtras(organisation: string | undefined, label: string | undefined): ClaimExtras {
  const national = !organisation || NATIONAL_BODIES.has(organisation) || /national|programme|home-office|england|wales|uk/.test(organisation);
  return {
    scope: national ? NATIONAL.key : `force:${organisation}`,
    scopeLabel: national ? NATIONAL.label : (label ?? organisation!),
    scopeWhy: national ? 'the reference table gives it for the country' : `the reference table gives it for ${label ?? organisation}`,
    role: 'body',
    generic: false,
    valueBits: 0,
    framed: false,
  };
}

const NATIONAL_BODIES = new Set(['nca', 'npcc', 'nclcc', 'home-office', 'ons', 'county lines programme', 'county-lines-programme']);

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

export interface LinkDimensions {
  /** Hard dimensions: must be equal for two claims to be linked. */
  readonly measure: string;
  readonly family: string;
  readonly place?: string;
  readonly subject?: string;
  /** Soft dimensions: two claims may be linked when each is equal or unknown on one side. */
  readonly organisation?: string;
  readonly operation?: string;
  readonly periodFrom?: string;
  readonly periodTo?: string;
}

export function linkable(claim: Claim, d: LinkDimensions, block = -1, extra: ClaimExtras = referenceExtras(d.organisation, undefined)): LinkableClaim {
  const interval = scale(intervalOf(claim), toBase(1, claim.unit));
  const known =
    Number(d.organisation !== undefined) + Number(d.operation !== undefined) + Number(d.periodFrom !== undefined) + Number(d.periodTo !== undefined);
  // Within an event, exact statements first (they are what hedged ones are judged by), then by place; by
  // period, the claims that state most first. Either way the order is fixed, never the order of indexing.
  const order = extra.framed
    ? [
        claim.isReference ? 0 : 1,
        effectiveShape(claim) === 'exact' ? 0 : 1,
        precisionRank(claim),
        claim.docId,
        String(claim.start).padStart(10, '0'),
        claim.annotationId,
      ].join('\u0000')
    : [
        9 - known,
        d.organisation ?? '~',
        d.operation ?? '~',
        d.periodFrom ?? '~',
        d.periodTo ?? '~',
        claim.isReference ? 0 : 1,
        claim.docId,
        String(claim.start).padStart(10, '0'),
        claim.annotationId,
      ].join('\u0000');
  const hardKey = hardKeyOf(d.measure, d.family, d.place, d.subject);
  const day = claim.date ? daysOf(claim.date) : undefined;
  const periodStart = d.periodFrom ? daysOf(d.periodFrom) : undefined;
  const periodEnd = d.periodTo ? daysOf(d.periodTo) : undefined;
  const [windowLo, windowHi] = linkWindowOfDays(day, d.periodFrom, d.periodTo, periodStart, periodEnd);
  // Every field is always present (possibly undefined), so all claims share one shape and the linker's
  // hot loop reads them at one offset.
  return {
    claim,
    hardKey,
    partitionKey: extra.framed ? eventPartitionKey(claim.docId, d.family, extra.scope) : periodPartitionKey(hardKey, extra.scope),
    event: undefined,
    scope: extra.scope,
    scopeLabel: extra.scopeLabel,
    scopeWhy: extra.scopeWhy,
    role: extra.role,
    phrase: extra.phrase,
    generic: extra.generic,
    valueBits: extra.valueBits,
    framed: extra.framed,
    partOf: extra.partOf,
    remainder: extra.remainder === true,
    sentenceStart: extra.sentenceStart ?? -1,
    hedge: extra.hedge,
    measure: d.measure,
    family: d.family,
    place: d.place || undefined,
    subject: d.subject || undefined,
    organisation: d.organisation || undefined,
    operation: d.operation || undefined,
    periodFrom: d.periodFrom || undefined,
    periodTo: d.periodTo || undefined,
    day,
    periodStart,
    periodEnd,
    windowLo,
    windowHi,
    point: toBase(claim.value, claim.unit),
    block,
    interval,
    order,
  };
}

/** Finer statements sort first ("£1,254,384" before "£1.25m" before "£1.3m"): they are what the others round. */
function precisionRank(claim: Claim): string {
  const p = toBase(claim.precision, claim.unit);
  return String(p > 0 && Number.isFinite(p) ? Math.max(0, Math.round((Math.log10(p) + 30) * 100)) : 0).padStart(5, '0');
}

/** The partition of claims about one event, of one unit family, over one scope (see `LinkableClaim.partitionKey`). */
export function eventPartitionKey(event: string, family: string, scope: string): string {
  return `e\u0001${event}\u0001${family}\u0001${scope}`;
}

/** The partition of claims with a period of their own: one measure over one scope, linked by period. */
export function periodPartitionKey(hardKey: string, scope: string): string {
  return `p\u0001${hardKey}\u0001${scope}`;
}

export function isEventPartition(key: string): boolean {
  return key.startsWith('e\u0001');
}
