import data from '../lexicon/data/force-areas.json';

/** What a place name says about a figure's scope: a county or force area is the force's, a town is narrower. */
export interface PlaceCue {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly force: string;
  readonly kind: 'area' | 'town';
}

interface Gazetteer {
  readonly byName: ReadonlyMap<string, { readonly force: string; readonly kind: 'area' | 'town'; readonly name: string }>;
  /** The names by their first two characters' codes, longest first: those tried where `starts` finds a start. */
  readonly byStart: ReadonlyMap<number, readonly string[]>;
  /** One of the names' first letters: where a name could start, if no word runs into it. */
  readonly starts: RegExp;
  readonly areaOf: ReadonlyMap<string, string>;
}

let gazetteer: Gazetteer | undefined;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The force areas of force-areas.json as one pattern. A name listed under two forces (Newport, Bangor) says
 * nothing about which one and is left out; names are matched as written (capitalised), so "stone" or
 * "reading" in prose never count.
 */
function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const seen = new Map<string, { force: string; kind: 'area' | 'town'; name: string } | null>();
  const areaOf = new Map<string, string>();
  for (const f of data.forces) {
    areaOf.set(f.force, f.area);
    for (const [kind, names] of [
      ['area', f.areas],
      ['town', f.towns],
    ] as const) {
      for (const name of names) {
        const key = name.toLowerCase();
        const known = seen.get(key);
        if (known === undefined) seen.set(key, { force: f.force, kind, name });
        else if (known && known.force !== f.force) seen.set(key, null);
      }
    }
  }
  const byName = new Map<string, { force: string; kind: 'area' | 'town'; name: string }>();
  for (const [k, v] of seen) if (v) byName.set(k, v);
  const names = [...byName.values()].map((v) => v.name).sort((a, b) => b.length - a.length);
  // Every name starts with a capital (a test of force-areas.json holds it to that), so a name can only
  // start where one of their first letters starts a word; there only the names that begin with the
  // same two characters are tried, longest first, as one alternation of them all would try them.
  const byStart = new Map<number, string[]>();
  for (const name of names) {
    const key = startKey(name, 0);
    (byStart.get(key) ?? byStart.set(key, []).get(key)!).push(name);
  }
  const firsts = [...new Set(names.map((n) => n[0]))].map(escape).join('');
  const starts = new RegExp(`[${firsts}]`, 'g');
  gazetteer = { byName, byStart, starts, areaOf };
  return gazetteer;
}

/** The first two characters of a name, or of the text at `at`, as one number. */
function startKey(text: string, at: number): number {
  return text.charCodeAt(at) * 65_536 + text.charCodeAt(at + 1);
}

/** A name starts here: no word, number or hyphen runs into it ("NewKent", "3Kent", "-Kent"). */
const NAME_START = /(?<![\p{L}\p{N}-])/uy;

/** A name ends here: not inside a longer word or number, nor joined to one ("Kent-based", "Kentish"). */
const NAME_END = /(?![\p{L}\p{N}]|-(?:based|born)?\p{L})/uy;

function endsName(text: string, at: number): boolean {
  NAME_END.lastIndex = at;
  return NAME_END.test(text);
}

/** Every place of the gazetteer named in `text`, in order. */
export function findPlaces(text: string, from = 0, to = text.length): PlaceCue[] {
  const g = load();
  const out: PlaceCue[] = [];
  const slice = text.slice(from, to);
  g.starts.lastIndex = 0;
  for (let m = g.starts.exec(slice); m; m = g.starts.exec(slice)) {
    const at = m.index;
    const candidates = g.byStart.get(startKey(slice, at));
    if (!candidates) continue;
    NAME_START.lastIndex = at;
    if (!NAME_START.test(slice)) continue;
    const name = candidates.find((n) => slice.startsWith(n, at) && endsName(slice, at + n.length));
    if (!name) continue;
    // Go on after the name, as a search for an alternation of every name would.
    g.starts.lastIndex = at + name.length;
    const hit = g.byName.get(name.toLowerCase())!;
    out.push({ start: from + at, end: from + at + name.length, name: hit.name, force: hit.force, kind: hit.kind });
  }
  return out;
}

/** The place a figure's `place` field names, resolved through the gazetteer ("in Kent" → Kent Police's area). */
export function placeNamed(place: string): Omit<PlaceCue, 'start' | 'end'> | undefined {
  const g = load();
  const bare = place
    .replace(/^\s*(?:in|across|around|throughout|within|the)\s+/i, '')
    .replace(/^the\s+/i, '')
    .trim();
  const hit = g.byName.get(bare.toLowerCase());
  return hit ? { name: hit.name, force: hit.force, kind: hit.kind } : undefined;
}

/** "Kent", "West Mercia": how people name a force's area, for labels. */
export function forceAreaName(force: string): string | undefined {
  return load().areaOf.get(force);
}

/** Words that say a figure covers the whole country: "across England and Wales", "nationally", "UK-wide". */
export const NATIONAL_WORDS: readonly string[] = data.national;
