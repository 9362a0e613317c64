/**
 * The four cross-check figures of a `crosscheck --format json` output against an expectations file (the
 * format of ../shared/corpus/expectations.json): real discrepancies flagged, figures two sources share
 * linked in one record, traps and false alarms avoided, and the precision of the alarms raised.
 *
 * An output item (a record, or a document's check) is read as its JSON text, so the score does not depend
 * on the output's shape: it holds a document when the document's id appears in that text, and a surface
 * ("1,468", "Fifty") when the surface stands as a whole number inside the text's quoted values (not
 * as part of a longer figure: "468" is not in "1,468"). An item is an alarm when its status is a
 * conflict or a warning. Expectations list alternatives with "|" ("metro-2019|yorkshire-2019").
 */

export interface FlagExpectation {
  readonly name: string;
  readonly docs: readonly string[];
  readonly surfaces: readonly string[];
  /** The alarm must also hold one of these (a surface, or any text). */
  readonly with_any: readonly string[];
}

export interface ItemExpectation {
  readonly name: string;
  readonly docs: readonly string[];
  readonly surfaces: readonly string[];
  /** A trap that only an alarm falls into (a record joining them is fine). */
  readonly conflict_only?: boolean;
}

export interface CrosscheckExpectations {
  readonly flag: readonly FlagExpectation[];
  readonly link: readonly ItemExpectation[];
  /** Figures that must not be joined in one record (or, with `conflict_only`, not raised as an alarm). */
  readonly trap?: readonly ItemExpectation[];
  /** Figures that must not be raised as an alarm. */
  readonly false_alarm?: readonly ItemExpectation[];
}

export interface CrosscheckScore {
  readonly flagged: number;
  readonly flagTotal: number;
  readonly linked: number;
  readonly linkTotal: number;
  readonly trapsAvoided: number;
  readonly trapTotal: number;
  readonly alarms: number;
  readonly realAlarms: number;
  /** Real alarms over all alarms, to three decimals; 1 when none was raised. */
  readonly alarmPrecision: number;
  /** One line per expectation missed and per false alarm. */
  readonly misses: readonly string[];
}

interface Item {
  readonly isRecord: boolean;
  readonly alarm: boolean;
  readonly json: string;
}

const ALARM_STATUS = /conflict|warn|mismatch|inconsistent/i;
/** Characters that continue a figure: a surface next to one is part of a longer figure. */
const FIGURE_CHARS = '0123456789,.';

export function scoreCrosscheck(output: unknown, expectations: CrosscheckExpectations): CrosscheckScore {
  const items = itemsOf(output);
  const misses: string[] = [];
  const holds = (item: Item, e: { docs: readonly string[]; surfaces: readonly string[] }) =>
    e.docs.every((alt) => anyOf(alt, (d) => item.json.includes(d))) && e.surfaces.every((alt) => anyOf(alt, (s) => hasSurface(item.json, s)));
  const raises = (item: Item, e: FlagExpectation) =>
    holds(item, e) && e.with_any.some((x) => anyOf(x, (s) => hasSurface(item.json, s)) || item.json.includes(x));

  let flagged = 0;
  for (const e of expectations.flag) {
    if (items.some((it) => it.alarm && raises(it, e))) flagged++;
    else misses.push(`not flagged: ${e.name}`);
  }
  let linked = 0;
  for (const e of expectations.link) {
    if (items.some((it) => it.isRecord && holds(it, e))) linked++;
    else misses.push(`not linked: ${e.name}`);
  }
  const traps = [...(expectations.trap ?? []), ...(expectations.false_alarm ?? []).map((e) => ({ ...e, conflict_only: true }))];
  let avoided = 0;
  for (const e of traps) {
    const fell = items.some((it) => (e.conflict_only ? it.alarm : it.isRecord) && holds(it, e));
    if (fell) misses.push(`fell into trap: ${e.name}`);
    else avoided++;
  }
  const alarms = items.filter((it) => it.alarm);
  const real = alarms.filter((it) => expectations.flag.some((e) => raises(it, e)));
  for (const it of alarms) if (!real.includes(it)) misses.push(`false alarm: ${it.json.slice(0, 300)}`);
  return {
    flagged,
    flagTotal: expectations.flag.length,
    linked,
    linkTotal: expectations.link.length,
    trapsAvoided: avoided,
    trapTotal: traps.length,
    alarms: alarms.length,
    realAlarms: real.length,
    alarmPrecision: alarms.length ? Number((real.length / alarms.length).toFixed(3)) : 1,
    misses,
  };
}

/** Records, top-level checks, and each document's checks (with the document's path, so they hold it). */
function itemsOf(output: unknown): Item[] {
  const o = (output ?? {}) as { records?: unknown[]; checks?: unknown[]; documents?: { path?: string; checks?: unknown[] }[] };
  const item = (isRecord: boolean, value: unknown): Item => ({
    isRecord,
    alarm: ALARM_STATUS.test(String((value as { status?: unknown })?.status ?? '')),
    json: JSON.stringify(value),
  });
  return [
    ...(o.records ?? []).map((r) => item(true, r)),
    ...(o.checks ?? []).map((c) => item(false, c)),
    ...(o.documents ?? []).flatMap((d) => (d.checks ?? []).map((c) => item(false, { path: d.path, ...(c as object) }))),
  ];
}

function anyOf(alternatives: string, test: (s: string) => boolean): boolean {
  return alternatives.split('|').some(test);
}

/** The surface as a whole figure, between a quotation mark before it and one after it in the JSON text. */
export function hasSurface(json: string, surface: string): boolean {
  if (!surface) return false;
  const firstQuote = json.indexOf('"');
  const lastQuote = json.lastIndexOf('"');
  for (let at = json.indexOf(surface); at >= 0; at = json.indexOf(surface, at + 1)) {
    const end = at + surface.length;
    if (firstQuote < 0 || firstQuote >= at || lastQuote < end) continue;
    if (at > 0 && FIGURE_CHARS.includes(json[at - 1])) continue;
    if (end < json.length && FIGURE_CHARS.includes(json[end])) continue;
    return true;
  }
  return false;
}

/** The four figures on one line each, as `npm run eval` prints them. */
export function formatCrosscheckScore(label: string, s: CrosscheckScore): string {
  return [
    `Cross-checks on ${label}:`,
    `  real discrepancies flagged          ${s.flagged} of ${s.flagTotal}`,
    `  shared figures linked in one record ${s.linked} of ${s.linkTotal}`,
    `  traps and false alarms avoided      ${s.trapsAvoided} of ${s.trapTotal}`,
    `  alarm precision                     ${s.alarmPrecision.toFixed(3)} (${s.realAlarms} of ${s.alarms} alarms real)`,
  ].join('\n');
}
