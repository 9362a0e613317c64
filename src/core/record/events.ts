import { stableHash } from './format';
import type { DayRange, DocumentProfile } from './profile';
import type { DocumentEvent, EventEvidence, EventLink } from './types';
import { pacer, runAtOnce, sortInSteps, SteppedRun } from '../slices';
import { DIRECT_EVIDENCE_BITS } from './eventLink';

/**
 * Which documents report the same event, by probabilistic record linkage (Fellegi-Sunter): every piece of
 * evidence between two documents has a weight, log2 of how much likelier it is if they report one event
 * than if they do not, and the weights add up. Shared distinctive figures weigh most (£426,040 in both is
 * about 12 bits, "12" almost nothing); stated periods and publication dates weigh for or against; named
 * operations and the people of a court case weigh for. Two documents whose evidence reaches `JOIN_BITS`
 * are joined, strongest pairs first, unless their events' periods cannot be one (a different week).
 */

/** Evidence, in bits, at which two documents are taken to report one event. */
export const JOIN_BITS = 8;
/**
 * Postings longer than this are too common to find candidates by: an event is reported by a handful to a
 * few dozen documents (every force restating a national week), so a key more documents share is a
 * template's or a recurring campaign's, which says nothing about which week a document reports.
 */
const MAX_POSTING = 64;
/** Figures shared with at least this many bits (with the same measure) find candidate documents. */
const BLOCKING_VALUE_BITS = 4;
const MAX_FIGURE_BITS = 30;
/** Two events whose stated periods are further apart than this, in days, are different events. */
const PERIOD_GAP_DAYS = 10;
/** An event's documents are published within about a year of each other (a look back in the autumn at March's week). */
const MAX_EVENT_SPAN_DAYS = 400;

const DAY_MS = 86_400_000;

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "9-15 October 2023", "25 November - 1 December 2024". */
export function describeDays(p: { start: number; end: number }): string {
  const a = new Date(p.start * DAY_MS);
  const b = new Date(p.end * DAY_MS);
  const day = (d: Date) => d.getUTCDate();
  const month = (d: Date) => MONTHS[d.getUTCMonth()];
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()) return `${day(a)}-${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
  if (a.getUTCFullYear() === b.getUTCFullYear()) return `${day(a)} ${month(a)} - ${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
  return `${day(a)} ${month(a)} ${a.getUTCFullYear()} - ${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
}

function overlaps(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function gap(a: DayRange, b: DayRange): number {
  return overlaps(a, b) ? 0 : Math.max(a.start - b.end, b.start - a.end);
}

/** The evidence between two documents and its weight. */
export function compareProfiles(a: DocumentProfile, b: DocumentProfile): EventLink {
  const evidence: EventEvidence[] = [];
  const weight = weigh(a, b, evidence);
  const [x, y] = a.docId < b.docId ? [a.docId, b.docId] : [b.docId, a.docId];
  return { documents: [x, y], weight, evidence: evidence.sort((p, q) => Math.abs(q.weight) - Math.abs(p.weight)) };
}

/**
 * The weight of the evidence between two documents, as `compareProfiles` gives it, without writing the
 * evidence out: every candidate pair is weighed, and only the pairs that join an event are shown.
 */
export function weighProfiles(a: DocumentProfile, b: DocumentProfile): number {
  return weigh(a, b, undefined);
}

/** Adds up the evidence between two documents (in the order it is listed); lists it in `evidence` when given. */
function weigh(a: DocumentProfile, b: DocumentProfile, evidence: EventEvidence[] | undefined): number {
  let sum = 0;
  // The text is written only when the evidence is listed: weighing every candidate pair is the hot path.
  // A description is made (a closure allocated) only where the evidence is listed.
  const add = (kind: EventEvidence['kind'], weight: number, text: false | undefined | (() => string)) => {
    if (weight === 0) return;
    const rounded = Math.round(weight * 10) / 10;
    sum += rounded;
    if (evidence && text) evidence.push({ kind, text: text(), weight: rounded });
  };
  // Figures both give.
  // Every candidate pair is weighed: no array or entry is allocated per pair where none is needed.
  const aSmaller = a.values.size <= b.values.size;
  const small = aSmaller ? a.values : b.values;
  const large = aSmaller ? b.values : a.values;
  let shared: { text: string; bits: number }[] | undefined;
  for (const v of small.values()) {
    const w = large.get(v.key);
    if (!w) continue;
    const sameMeasure = v.measures.some((m) => w.measures.includes(m));
    const unknown = v.measures.length === 0 || w.measures.length === 0;
    const bits = sameMeasure ? v.bitsSameMeasure : unknown || v.bitsAnyMeasure >= 6.5 ? v.bitsAnyMeasure : 0;
    if (bits > 0.5) (shared ??= []).push({ text: v.text, bits });
  }
  shared?.sort((x, y) => y.bits - x.bits || (x.text < y.text ? -1 : 1));
  let figureBits = 0;
  for (const s of shared ?? NONE_SHARED) {
    const bits = Math.min(s.bits, MAX_FIGURE_BITS - figureBits);
    if (bits <= 0) break;
    figureBits += bits;
    add('figure', bits, evidence && (() => `${s.text} in both`));
  }
  // Publication dates.
  if (a.day !== undefined && b.day !== undefined) {
    const d = Math.abs(a.day - b.day);
    add(
      'date',
      d <= 3 ? 3 : d <= 10 ? 2 : d <= 31 ? 0.5 : d <= 92 ? -2 : d <= 366 ? -5 : -9,
      evidence && (() => `published ${d} day${d === 1 ? '' : 's'} apart`),
    );
  }
  // Stated periods.
  if (a.periods.length && b.periods.length) {
    // The same dated week in both is strong evidence (few unrelated documents state exactly that week);
    // overlapping weeks a little less.
    const identical = a.periods.find((p) => b.periods.some((q) => q.start === p.start && q.end === p.end));
    const same = identical ?? a.periods.find((p) => b.periods.some((q) => overlaps(p, q)));
    if (same) add('period', identical ? 7 : 6, evidence && (() => `${describeDays(same)} in both`));
    else {
      let g = Infinity;
      for (const p of a.periods) for (const q of b.periods) g = Math.min(g, gap(p, q));
      add('period', g <= PERIOD_GAP_DAYS ? -4 : -12, evidence && (() => `their weeks are ${g} days apart`));
    }
  } else {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      if (!x.periods.length || y.day === undefined) continue;
      const p = x.periods[0];
      if (y.day >= p.start - 3 && y.day <= p.end + 21) add('period', 2, evidence && (() => `published within three weeks of ${describeDays(p)}`));
      else if (y.day < p.start - 3) add('period', -5, evidence && (() => `published before ${describeDays(p)}`));
      else if (y.day > p.end + 120) add('period', -2, evidence && (() => `published months after ${describeDays(p)}`));
    }
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      if (!x.partialPeriods.length) continue;
      const mine = x.partialPeriods[0];
      const theirs = y.periods.map((p) => ({ from: isoOf(p.start).slice(5), to: isoOf(p.end).slice(5) })).concat(y.partialPeriods);
      if (theirs.some((q) => q.from === mine.from && q.to === mine.to)) {
        add('period', 3, evidence && (() => `“${mine.text}” in both`));
        break;
      }
    }
  }
  // Named operations and campaigns.
  const ops = a.operations.length && b.operations.length ? a.operations.filter((o) => b.operations.includes(o)) : NONE;
  if (ops.length) add('operation', 6 + 2 * (ops.length - 1), evidence && (() => `Operation ${ops.map(title).join(', ')} in both`));
  else if (a.operations.length && b.operations.length) add('operation', -3, evidence && (() => 'they name different operations'));
  const campaigns = a.campaigns.length && b.campaigns.length ? a.campaigns.filter((c) => b.campaigns.includes(c)) : NONE;
  if (campaigns.length) add('campaign', 1, evidence && (() => `“${title(campaigns[0])}” in both`));
  // People and courts.
  const people = a.people.length && b.people.length ? a.people.filter((p) => b.people.includes(p)) : NONE;
  if (people.length) add('person', Math.min(18, 6 * people.length), evidence && (() => `${people.map(title).join(', ')} named in both`));
  const surnames =
    !a.surnames.length || !b.surnames.length ? NONE : a.surnames.filter((s) => b.surnames.includes(s) && !people.some((p) => p.endsWith(` ${s}`)));
  if (surnames.length && (a.isCase || b.isCase))
    add('person', Math.min(9, 3 * surnames.length), evidence && (() => `${surnames.map(title).join(', ')} named in both`));
  if (a.court && b.court)
    add(
      'court',
      a.court === b.court ? 3 : -3,
      evidence && (() => (a.court === b.court ? `${title(a.court!.replace(/-/g, ' '))} in both` : 'different courts')),
    );
  if (a.isCase !== b.isCase) add('kind', -4, evidence && (() => 'a court report and a release of results'));
  if (a.scope === b.scope && a.scope.startsWith('force:')) add('scope', 1.5, evidence && (() => `both about ${a.scope.slice(6)}`));
  return Math.round(sum * 10) / 10;
}

const NONE: readonly string[] = [];
const NONE_SHARED: readonly { text: string; bits: number }[] = [];

const titles = new Map<string, string>();

function title(s: string): string {
  let t = titles.get(s);
  if (t === undefined) {
    t = s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    if (titles.size < 10_000) titles.set(s, t);
  }
  return t;
}

function blockingKeys(p: DocumentProfile): string[] {
  const keys = new Set<string>();
  for (const v of p.values.values()) if (v.bitsSameMeasure >= BLOCKING_VALUE_BITS) keys.add(`v:${v.key}`);
  for (const o of p.operations) keys.add(`o:${o}`);
  for (const s of p.surnames) keys.add(`n:${s}`);
  if (p.court) keys.add(`c:${p.court}`);
  // Two write-ups of one force's story may share only small figures ("ten businesses", "five men"), none
  // distinctive enough to find the other by, and state no week: the force they are about finds it, in a
  // workspace that holds few of its stories (a force with more than MAX_POSTING is too common a key).
  // A release of a week's results states its week, which finds the others.
  if (p.scope.startsWith('force:') && !p.periods.length && !p.partialPeriods.length) keys.add(`s:${p.scope}`);
  for (const r of p.periods) for (let w = Math.floor(r.start / 7); w <= Math.floor(r.end / 7); w++) keys.add(`w:${w}`);
  for (const r of p.partialPeriods) keys.add(`m:${r.from}`);
  if (p.day !== undefined && p.periods.length) for (let w = Math.floor(p.day / 7) - 1; w <= Math.floor(p.day / 7); w++) keys.add(`w:${w}`);
  return [...keys];
}

/**
 * A candidate pair as weighed, its documents in order (`a` < `b`). Held as two fields, not a pair
 * array: a corpus keeps some thirty of these a document, and the array was a third of each.
 */
interface Weighed {
  readonly a: string;
  readonly b: string;
  readonly weight: number;
  link?: EventLink;
}

/** The document at the other end of a weighed pair from `d`. */
const otherOf = (w: Weighed, d: string) => (w.a === d ? w.b : w.a);

/**
 * What joining two events must respect, kept as bounds rather than lists: two documents' periods more
 * than PERIOD_GAP_DAYS apart (the latest start against the earliest end, which is the widest gap of any
 * pair) keep them apart, and so does a span of dates longer than an event. A large event grows by
 * thousands of joins, and comparing every period of one side with every period of the other was quadratic.
 */
interface Component {
  /** The latest start and the earliest end of its periods (-Infinity and Infinity when it states none). */
  maxStart: number;
  minEnd: number;
  minDay: number;
  maxDay: number;
}

function canJoin(a: Component, b: Component): boolean {
  if (a.maxStart - b.minEnd > PERIOD_GAP_DAYS || b.maxStart - a.minEnd > PERIOD_GAP_DAYS) return false;
  const lo = Math.min(a.minDay, b.minDay);
  const hi = Math.max(a.maxDay, b.maxDay);
  return !(hi - lo > MAX_EVENT_SPAN_DAYS);
}

/** The links that joined an event, as the joins made them: its own list only when it is described. */
interface Joins {
  readonly first?: Joins;
  readonly second?: Joins;
  readonly link: Weighed;
}

/** The links in the order the joins gave them (the first side's, the second side's, then the joining link). */
function joinsInOrder(joins: Joins | undefined): Weighed[] {
  const out: Weighed[] = [];
  const stack: (Joins | Weighed)[] = joins ? [joins] : [];
  while (stack.length) {
    const x = stack.pop()!;
    if ('weight' in x) {
      out.push(x);
      continue;
    }
    stack.push(x.link);
    if (x.second) stack.push(x.second);
    if (x.first) stack.push(x.first);
  }
  return out;
}

/** Documents being placed in their events by `EventIndex.beginUpsert`. */
export interface EventPlacement {
  /** Weighs documents against their candidates and re-resolves the events until `shouldYield()`; true when done. */
  step(shouldYield?: () => boolean): boolean;
  /** Does what is left: every document whose event changed (or is new). */
  finish(): Set<string>;
}

/** The events of a workspace's documents, kept up to date one document at a time. */
export class EventIndex {
  private readonly profiles = new Map<string, DocumentProfile>();
  private readonly keysOf = new Map<string, readonly string[]>();
  private readonly postings = new Map<string, Set<string>>();
  /**
   * Each document's weighed candidate pairs with evidence for (above 0 bits: nothing reads a pair with
   * none, see `affinity`), in lists rather than maps, which held four times the memory; its evidence is
   * written out when shown (see `full`).
   */
  private readonly links = new Map<string, Weighed[]>();
  private readonly eventOfDoc = new Map<string, string>();
  private readonly events = new Map<string, DocumentEvent>();

  /** Adds or replaces documents; returns every document whose event changed (or is new). */
  upsertAll(profiles: readonly DocumentProfile[]): Set<string> {
    return this.beginUpsert(profiles).finish();
  }

  /**
   * `upsertAll` in steps, for a caller that must not hold its thread while a scan's documents are
   * weighed against their candidates and the events they touch are resolved again (over 100 ms in one
   * piece for a 1,000-document workspace). The documents are registered at once; `step` goes on until
   * `shouldYield()` says stop and tells whether all is done. The events change only at the end of the
   * last step. Until then nothing else may change the index: the caller finishes a placement before
   * any other change (see the record index's `settle`).
   */
  beginUpsert(profiles: readonly DocumentProfile[]): EventPlacement {
    return new SteppedRun(this.placing(profiles));
  }

  private *placing(profiles: readonly DocumentProfile[]): Generator<void, Set<string>> {
    const touched = new Set<string>();
    const often = pacer(64);
    for (const p of profiles) {
      if (often()) yield;
      for (const d of this.eventMembers(p.docId)) touched.add(d);
      this.unlink(p.docId);
      this.profiles.set(p.docId, p);
      const keys = blockingKeys(p);
      this.keysOf.set(p.docId, keys);
      for (const k of keys) (this.postings.get(k) ?? this.postings.set(k, new Set()).get(k)!).add(p.docId);
      touched.add(p.docId);
    }
    for (const p of profiles) {
      this.linkCandidates(p);
      yield;
    }
    return yield* this.reclustering(touched);
  }

  upsert(profile: DocumentProfile): Set<string> {
    return this.upsertAll([profile]);
  }

  remove(docId: string): Set<string> {
    if (!this.profiles.has(docId)) return new Set();
    const touched = new Set(this.eventMembers(docId));
    this.unlink(docId);
    this.profiles.delete(docId);
    touched.delete(docId);
    const changed = runAtOnce(this.reclustering(touched));
    this.eventOfDoc.delete(docId);
    this.dropEmptyEvents();
    changed.add(docId);
    return changed;
  }

  eventOf(docId: string): string | undefined {
    return this.eventOfDoc.get(docId);
  }

  event(id: string): DocumentEvent | undefined {
    return this.events.get(id);
  }

  all(): DocumentEvent[] {
    return [...this.events.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The evidence for two documents reporting one event, in bits (0 when they share nothing to compare, or only evidence against). */
  affinity(a: string, b: string): number {
    return this.pair(a, b)?.weight ?? 0;
  }

  link(a: string, b: string): EventLink | undefined {
    const w = this.pair(a, b);
    return w && this.full(w);
  }

  private pair(a: string, b: string): Weighed | undefined {
    for (const w of this.links.get(a) ?? []) if (w.a === b || w.b === b) return w;
    return undefined;
  }

  /** The event whose stated period is this one (a reference row's), where exactly one states it. */
  eventForPeriod(from: string | undefined, to: string | undefined): string | undefined {
    if (!from || !to || from.length < 10 || to.length < 10) return undefined;
    const key = `${from}..${to}`;
    let found: string | undefined;
    for (const e of this.events.values()) {
      if (e.period !== key) continue;
      if (found && this.events.get(found)!.documents.length >= e.documents.length) continue;
      found = e.id;
    }
    return found;
  }

  private eventMembers(docId: string): readonly string[] {
    const id = this.eventOfDoc.get(docId);
    return id ? (this.events.get(id)?.documents ?? [docId]) : [];
  }

  private unlink(docId: string): void {
    for (const k of this.keysOf.get(docId) ?? []) {
      const set = this.postings.get(k);
      set?.delete(docId);
      if (set && set.size === 0) this.postings.delete(k);
    }
    this.keysOf.delete(docId);
    for (const w of this.links.get(docId) ?? []) {
      const other = otherOf(w, docId);
      const list = this.links.get(other);
      const at = list ? list.indexOf(w) : -1;
      if (at < 0) continue;
      // Order within a list means nothing (clustering sorts the pairs it takes), so the last fills the gap.
      list![at] = list![list!.length - 1];
      list!.pop();
      if (!list!.length) this.links.delete(other);
    }
    this.links.delete(docId);
  }

  private linkCandidates(p: DocumentProfile): void {
    const candidates = new Set<string>();
    for (const k of this.keysOf.get(p.docId) ?? []) {
      const posting = this.postings.get(k);
      if (!posting || posting.size > MAX_POSTING) continue;
      for (const d of posting) if (d !== p.docId) candidates.add(d);
    }
    // Pairs weighed already (with a document of the same batch that was linked first).
    const mine = this.links.get(p.docId);
    const known = mine && new Set(mine.map((w) => otherOf(w, p.docId)));
    for (const d of candidates) {
      if (known?.has(d)) continue;
      const weight = weighProfiles(p, this.profiles.get(d)!);
      if (!(weight > DIRECT_EVIDENCE_BITS)) continue;
      const link: Weighed = p.docId < d ? { a: p.docId, b: d, weight } : { a: d, b: p.docId, weight };
      (this.links.get(p.docId) ?? this.links.set(p.docId, []).get(p.docId)!).push(link);
      (this.links.get(d) ?? this.links.set(d, []).get(d)!).push(link);
    }
  }

  /** Re-resolves the events of `touched` and of every document joined to them; returns documents whose event changed. */
  private *reclustering(touched: Set<string>): Generator<void, Set<string>> {
    const often = pacer(64);
    // Everything reachable through joining links: the events that may merge or split.
    const affected = new Set<string>();
    const queue = [...touched].filter((d) => this.profiles.has(d));
    for (const d of queue) affected.add(d);
    for (let i = 0; i < queue.length; i++) {
      if (often()) yield;
      for (const link of this.links.get(queue[i]) ?? []) {
        const other = otherOf(link, queue[i]);
        if (link.weight < JOIN_BITS || affected.has(other)) continue;
        affected.add(other);
        queue.push(other);
      }
      const old = this.eventOfDoc.get(queue[i]);
      for (const m of old ? (this.events.get(old)?.documents ?? []) : []) {
        if (affected.has(m) || !this.profiles.has(m)) continue;
        affected.add(m);
        queue.push(m);
      }
    }
    const docs = [...affected].sort();
    const parent = new Map<string, string>(docs.map((d) => [d, d]));
    const find = (d: string): string => {
      let r = d;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(d, r);
      return r;
    };
    const comp = new Map<string, Component>();
    for (const d of docs) {
      if (often()) yield;
      const p = this.profiles.get(d)!;
      const days = [p.day, ...p.periods.map((r) => r.start)].filter((x): x is number => x !== undefined);
      let maxStart = -Infinity;
      let minEnd = Infinity;
      for (const r of p.periods) {
        maxStart = Math.max(maxStart, r.start);
        minEnd = Math.min(minEnd, r.end);
      }
      comp.set(d, { maxStart, minEnd, minDay: days.length ? Math.min(...days) : Infinity, maxDay: days.length ? Math.max(...days) : -Infinity });
    }
    const edges: Weighed[] = [];
    const seen = new Set<Weighed>();
    for (const d of docs) {
      if (often()) yield;
      for (const link of this.links.get(d) ?? []) {
        if (link.weight < JOIN_BITS || !affected.has(otherOf(link, d)) || seen.has(link)) continue;
        seen.add(link);
        edges.push(link);
      }
    }
    // Heaviest first, then by the pair's documents in `docs`' order: compared by position, as comparing
    // long paths sharing a prefix made sorting a large workspace's links take tens of milliseconds.
    const position = new Map<string, number>(docs.map((d, i) => [d, i]));
    const ranked = edges.map((e) => ({ e, w: e.weight, a: position.get(e.a)!, b: position.get(e.b)! }));
    yield;
    const inOrder = yield* sortInSteps(ranked, (x, y) => y.w - x.w || x.a - y.a || x.b - y.b);
    const used = new Map<string, Joins>();
    for (const { e } of inOrder) {
      if (often()) yield;
      const ra = find(e.a);
      const rb = find(e.b);
      if (ra === rb) continue;
      const ca = comp.get(ra)!;
      const cb = comp.get(rb)!;
      if (!canJoin(ca, cb)) continue;
      const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
      parent.set(child, root);
      comp.set(root, {
        maxStart: Math.max(ca.maxStart, cb.maxStart),
        minEnd: Math.min(ca.minEnd, cb.minEnd),
        minDay: Math.min(ca.minDay, cb.minDay),
        maxDay: Math.max(ca.maxDay, cb.maxDay),
      });
      used.set(root, { first: used.get(ra), second: used.get(rb), link: e });
    }
    const groups = new Map<string, string[]>();
    for (const d of docs) (groups.get(find(d)) ?? groups.set(find(d), []).get(find(d))!).push(d);
    const changed = new Set<string>();
    // Each old event once: asking for every member of a large event was quadratic in its size.
    const oldEvents = new Set<string>();
    for (const d of docs) {
      const old = this.eventOfDoc.get(d);
      if (old) oldEvents.add(old);
    }
    const gone = [...oldEvents].filter((old) => this.events.get(old)?.documents.every((m) => affected.has(m) || !this.profiles.has(m)));
    const described: DocumentEvent[] = [];
    for (const [root, members] of groups) {
      const joins = joinsInOrder(used.get(root));
      // A link's evidence is written out once, when its event is first described: a new workspace's are all new.
      for (const w of joins) {
        this.full(w);
        if (often()) yield;
      }
      described.push(this.describe(members, joins));
    }
    // From here on, in one piece: nobody sees the events half changed.
    for (const old of gone) this.events.delete(old);
    for (const event of described) {
      const members = event.documents;
      this.events.set(event.id, event);
      for (const m of members) {
        if (this.eventOfDoc.get(m) !== event.id) changed.add(m);
        this.eventOfDoc.set(m, event.id);
      }
    }
    for (const d of touched) if (!this.profiles.has(d)) changed.add(d);
    this.dropEmptyEvents();
    return changed;
  }

  private dropEmptyEvents(): void {
    for (const [id, e] of this.events) if (!e.documents.some((d) => this.eventOfDoc.get(d) === id)) this.events.delete(id);
  }

  /** A weighed pair with its evidence, weighed again in the order it was first (the evidence's wording depends on it). */
  private full(w: Weighed): EventLink {
    // In the pair's own order, not the order a candidate search met them: the evidence reads the same
    // however the index was built.
    return (w.link ??= compareProfiles(this.profiles.get(w.a)!, this.profiles.get(w.b)!));
  }

  private describe(members: readonly string[], weighed: readonly Weighed[]): DocumentEvent {
    const links = weighed.map((w) => this.full(w));
    const profiles = members.map((d) => this.profiles.get(d)!);
    const id = `ev-${stableHash(members[0])}`;
    // The period most of its documents state.
    const periods = new Map<string, { p: DayRange; n: number }>();
    for (const p of profiles)
      for (const r of p.periods) {
        const k = `${r.start}..${r.end}`;
        const known = periods.get(k);
        if (known) known.n++;
        else periods.set(k, { p: r, n: 1 });
      }
    let period: DayRange | undefined;
    let best = 0;
    for (const { p, n } of periods.values()) if (n > best || (n === best && period && p.start < period.start)) [period, best] = [p, n];
    const commonest = (lists: readonly (readonly string[])[]) => {
      const n = new Map<string, number>();
      for (const l of lists) for (const x of new Set(l)) n.set(x, (n.get(x) ?? 0) + 1);
      let top: string | undefined;
      for (const [k, v] of n) if (!top || v > n.get(top)! || (v === n.get(top)! && k < top)) top = k;
      return top;
    };
    const operation = commonest(profiles.map((p) => p.operations));
    const campaign = commonest(profiles.map((p) => p.campaigns));
    const isCase = profiles.some((p) => p.isCase);
    const court = commonest(profiles.map((p) => (p.court ? [p.court] : [])));
    const days = profiles.map((p) => p.day).filter((d): d is number => d !== undefined);
    const when = period ? describeDays(period) : days.length ? monthOf(Math.min(...days)) : undefined;
    const what = isCase
      ? `the case ${
          court
            ? `at ${title(court.replace(/-/g, ' '))}`
            : `of ${
                commonest(profiles.map((p) => p.surnames.slice(0, 2)))
                  ? profiles
                      .flatMap((p) => p.surnames)
                      .slice(0, 2)
                      .map(title)
                      .join(' and ')
                  : 'one document'
              }`
        }`
      : operation
        ? `Operation ${title(operation)}`
        : campaign
          ? title(campaign)
          : members.length > 1
            ? 'one event'
            : 'one document';
    return {
      id,
      label: when ? `${what}, ${when}` : what,
      ...(period ? { period: `${isoOf(period.start)}..${isoOf(period.end)}` } : {}),
      documents: [...members],
      links: [...links].sort((x, y) => y.weight - x.weight),
    };
  }
}

function monthOf(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
