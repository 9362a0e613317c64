/** How far apart two documents' publication dates may be for their period-less figures to be linked. */
export const SAME_TIME_DAYS = 31;

/** How far from a period a period-less figure's publication may be and still be about that period. */
export const NEAR_PERIOD_DAYS = 365;

/** Days since 1970 of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or undefined when it is not one. */
export function daysOf(iso: string): number | undefined {
  // Every claim and profile asks for the same few dates: remember them (a bounded cache of pure results).
  if (dayCache.has(iso)) return dayCache.get(iso);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  const day = m ? Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / 86_400_000 : undefined;
  if (dayCache.size >= 50_000) dayCache.clear();
  dayCache.set(iso, day);
  return day;
}

const dayCache = new Map<string, number | undefined>();

/** Only well-formed dates get a bounded window: two of them that agree as prefixes lie within a year. */
const WELL_FORMED = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** More than the 365 days two agreeing dates ("2023" and "2023-12-31") can be apart. */
const AGREEING_DATES_SLACK = 400;

/**
 * The days a claim can be linked across documents around: two claims of different documents whose windows
 * do not overlap can never be compatible, directly or through the clusters they join (the window of a
 * cluster is the hull of its members' windows). This is what lets the linker look up candidates by time
 * instead of trying every cluster of a group; `compatible` in link.ts still decides. Unbounded when the
 * claim states too little to place it.
 */
export function linkWindow(day: number | undefined, periodFrom: string | undefined, periodTo: string | undefined): readonly [number, number] {
  return linkWindowOfDays(day, periodFrom, periodTo, periodFrom ? daysOf(periodFrom) : undefined, periodTo ? daysOf(periodTo) : undefined);
}

/** `linkWindow` with the period's start and end days (`daysOf`) already worked out. */
export function linkWindowOfDays(
  day: number | undefined,
  periodFrom: string | undefined,
  periodTo: string | undefined,
  start: number | undefined,
  end: number | undefined,
): readonly [number, number] {
  if (!periodFrom && !periodTo) return day === undefined ? UNBOUNDED : [day - SAME_TIME_DAYS, day + SAME_TIME_DAYS];
  // A running total to a date ("by the end of March 2023") is linked around its end (see nearPeriod in
  // link.ts): unbounded, every such figure of a many-year corpus was tried against every cluster of its group.
  if (!periodFrom && end !== undefined && WELL_FORMED.test(periodTo!)) return [end - AGREEING_DATES_SLACK, end + AGREEING_DATES_SLACK];
  if (start === undefined || end === undefined || !WELL_FORMED.test(periodFrom!) || !WELL_FORMED.test(periodTo!)) return UNBOUNDED;
  if (end < start) return UNBOUNDED;
  return [start - AGREEING_DATES_SLACK, end + AGREEING_DATES_SLACK];
}

const UNBOUNDED: readonly [number, number] = [-Infinity, Infinity];
