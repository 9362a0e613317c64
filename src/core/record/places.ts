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
  /** Every name, tried only where `starts` found a name's first letter (sticky). */
  readonly pattern: RegExp;
  /** Where a name could start: one of the names' first letters, not inside a word. */
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
    for (const [kind, names] of [['area', f.areas], ['town', f.towns]] as const) {
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
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}]|-(?:based|born)?\\p{L})`, 'uy');
  // Every name starts with a capital (the test of force-areas.json says so): the long alternation is
  // tried only where one of their first letters starts a word, not at every character of the text.
  const firsts = [...new Set(names.map((n) => n[0]))].map(escape).join('');
  const starts = new RegExp(`(?<![\\p{L}\\p{N}-])[${firsts}]`, 'gu');
  gazetteer = { byName, pattern, starts, areaOf };
  return gazetteer;
}

/** Every place of the gazetteer named in `text`, in order. */
export function findPlaces(text: string, from = 0, to = text.length): PlaceCue[] {
  const g = load();
  const out: PlaceCue[] = [];
  const slice = text.slice(from, to);
  g.starts.lastIndex = 0;
  for (let s = g.starts.exec(slice); s; s = g.starts.exec(slice)) {
    g.pattern.lastIndex = s.index;
    const m = g.pattern.exec(slice);
    if (!m) continue;
    // Go on after the name, as a search for the whole pattern would.
    g.starts.lastIndex = m.index + m[0].length;
    const hit = g.byName.get(m[0].toLowerCase());
    if (!hit) continue;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, name: hit.name, force: hit.force, kind: hit.kind });
  }
  return out;
}

/** The place a figure's `place` field names, resolved through the gazetteer ("in Kent" → Kent Police's area). */
export function placeNamed(place: string): Omit<PlaceCue, 'start' | 'end'> | undefined {
  const g = load();
  const bare = place.replace(/^\s*(?:in|across|around|throughout|within|the)\s+/i, '').replace(/^the\s+/i, '').trim();
  const hit = g.byName.get(bare.toLowerCase());
  return hit ? { name: hit.name, force: hit.force, kind: hit.kind } : undefined;
}

/** "Kent", "West Mercia": how people name a force's area, for labels. */
export function forceAreaName(force: string): string | undefined {
  return load().areaOf.get(force);
}

/** Words that say a figure covers the whole country: "across England and Wales", "nationally", "UK-wide". */
export const NATIONAL_WORDS: readonly string[] = data.national;
