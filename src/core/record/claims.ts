import type { FigureAnnotation, OrganisationAnnotation } from '../types';
import { intervalOf, scale, type Interval } from './interval';
import { blockOfLine } from './blocks';
import { changeRoles } from './changes';
import { toBase, unitFamily } from './units';
import type { Claim, SourceDocument } from './types';
import { daysOf, linkWindowOfDays } from './window';

export { daysOf } from './window';

/** A claim with what the linker needs to place it; `recordId` is filled in when it is linked. */
export interface LinkableClaim extends LinkDimensions {
  claim: Claim;
  /** Must be equal for two claims to be linked: measure|unit family|place|subject. */
  readonly hardKey: string;
  /** The hard key and the organisation (or none): claims are only ever linked within one partition. */
  readonly partitionKey: string;
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
}

/** Lower case, single spaces, no leading article: the form keys compare. */
export function normaliseKeyPart(s: string | undefined | null): string | undefined {
  if (s === undefined || s === null) return undefined;
  const n = s.toLowerCase().replace(/[‘’']/g, "'").replace(/\s+/g, ' ').trim().replace(/^(?:the|a|an) /, '');
  return n.length ? n : undefined;
}

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

/** The sentence of each figure as one line; figures of one sentence share it, so it is made once. */
function sentenceTexts(text: string): (f: FigureAnnotation) => string {
  const byStart = new Map<number, { readonly end: number; readonly text: string }>();
  return (f) => {
    const whole = f.sentence && f.sentence.end > f.sentence.start;
    const start = whole ? f.sentence.start : f.start;
    const end = whole ? f.sentence.end : f.end;
    const known = byStart.get(start);
    if (known && known.end === end) return known.text;
    const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
    byStart.set(start, { end, text: s });
    return s;
  };
}

/**
 * Measures that describe one person each ("aged 16"): two of them in a document are usually two people,
 * and no other source restates them, so they are not linked.
 */
const PER_PERSON_MEASURES = new Set(['age']);

/**
 * Every figure of a document that has a measure, as a claim ready to be linked. Figures with no `counts`
 * are not linked. A figure that does not say who claims it takes the organisation of the document's other
 * figures of the same measure when they all name the same one, so a bullet "290 arrests" under a lead
 * "the Met made more than 290 arrests" is the Met's too.
 */
export function claimsOf(doc: SourceDocument): LinkableClaim[] {
  const meta = doc.meta ?? doc.analysis.meta;
  const figures = doc.analysis.annotations.filter((a): a is FigureAnnotation => a.kind === 'figure');
  const roles = changeRoles(doc.text, figures);
  const blocks = blockOfLine(doc.text);
  const sentenceOf = sentenceTexts(doc.text);
  const publisherOrganisation = publisherOrganisationOf(doc);
  const pending: { claim: Claim; dims: LinkDimensions }[] = [];
  for (const a of figures) {
    const measured = measureOf(a);
    if (!measured || !Number.isFinite(a.value) || PER_PERSON_MEASURES.has(measured)) continue;
    // The before of a change counts an earlier period than its sentence states; the after is the level now.
    const measure = roles.get(a.id) === 'before' ? `${measured} (before)` : measured;
    const claim: Mutable<Claim> = {
      recordId: '',
      docId: doc.id,
      annotationId: a.id,
      start: a.start,
      end: a.end,
      line: a.line,
      text: a.text,
      value: a.value,
      unit: a.unit,
      qualifier: a.qualifier,
      bound: a.bound,
      precision: a.precision,
      sentence: sentenceOf(a),
    };
    if (meta.publisher) claim.publisher = meta.publisher;
    if (meta.date) claim.date = meta.date;
    pending.push({
      claim,
      dims: {
        measure,
        family: unitFamily(a.unit),
        place: normalisePlace(a.place),
        subject: normaliseKeyPart(a.subject),
        organisation: organisationOf(a, publisherOrganisation),
        operation: normaliseOperation(a.operation),
        periodFrom: a.period?.from || undefined,
        // "Since November 2019" runs to the day it was written.
        periodTo: a.period?.to || (a.period?.from && meta.date) || undefined,
      },
    });
  }
  const orgsByKey = new Map<string, Set<string>>();
  for (const { dims } of pending) {
    const key = hardKeyOf(dims.measure, dims.family, dims.place, dims.subject);
    const set = orgsByKey.get(key) ?? orgsByKey.set(key, new Set()).get(key)!;
    if (dims.organisation) set.add(dims.organisation);
  }
  return pending.map(({ claim, dims }) => {
    const block = blocks[Math.min(claim.line, blocks.length - 1)] ?? 0;
    if (dims.organisation) return linkable(claim, dims, block);
    const known = orgsByKey.get(hardKeyOf(dims.measure, dims.family, dims.place, dims.subject))!;
    return linkable(claim, known.size === 1 ? { ...dims, organisation: [...known][0] } : dims, block);
  });
}

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

export function linkable(claim: Claim, d: LinkDimensions, block = -1): LinkableClaim {
  const interval = scale(intervalOf(claim), toBase(1, claim.unit));
  const known = Number(d.organisation !== undefined) + Number(d.operation !== undefined) + Number(d.periodFrom !== undefined) + Number(d.periodTo !== undefined);
  const order = [9 - known, d.organisation ?? '~', d.operation ?? '~', d.periodFrom ?? '~', d.periodTo ?? '~', claim.isReference ? 0 : 1, claim.docId, String(claim.start).padStart(10, '0'), claim.annotationId].join('\u0000');
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
    partitionKey: `${hardKey}\u0001${d.organisation ?? ''}`,
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
