/**
 * Fields of the annotations file this version does not understand (written by another W3C tool, or
 * by a newer version of this one) are kept verbatim through every write, on the page and on each
 * annotation. Nothing here knows the file's shape: what is "unknown" is whatever the file holds that
 * the writer would not write for the same mark, so the rule keeps working when the shape changes.
 *
 * `preservedFields(raw, written)` compares an object as read with what the writer makes of it and
 * keeps the difference; `withPreservedFields(written, preserved)` puts it back on the next write:
 * - a key the writer does not write is kept with its value, after the writer's keys;
 * - a key both have with object values is compared inside;
 * - arrays are matched element by element by `type` (W3C selectors, bodies), elements the writer
 *   does not write are kept after its own, and an array of values that includes the written value
 *   (an `@context` list, several motivations) is kept as it was;
 * - where both have a key with different plain values, the writer's value wins: that field is one
 *   this version reads and maintains.
 * A reader that understands a key but whose writer stops writing it must drop it from what is kept.
 */

type Json = unknown;
type JsonObject = Record<string, Json>;

export interface PreservedFields {
  /** Keys the writer does not write, with their values as read. */
  readonly add?: Readonly<JsonObject>;
  /** Keys whose value as read is kept instead of the written one (an array holding the written value). */
  readonly keep?: Readonly<JsonObject>;
  /** Keys both have, with what is kept inside their values. */
  readonly inner?: Readonly<Record<string, PreservedFields>>;
  /** For an array: what is kept inside written element i (matched by type), and elements only the file had. */
  readonly elements?: Readonly<Record<number, PreservedFields>>;
  readonly extraElements?: readonly Json[];
}

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own property, whatever the key: a file's "__proto__" is a field like any other, never a prototype. */
function setOwn(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isEmpty(p: PreservedFields): boolean {
  return !p.add && !p.keep && !p.inner && !p.elements && !p.extraElements;
}

/** What `raw` holds beyond `written`, or undefined when nothing (the usual case: a file this version wrote). */
export function preservedFields(raw: Json, written: Json): PreservedFields | undefined {
  let found: PreservedFields | undefined;
  if (isObject(raw) && isObject(written)) found = objectDiff(raw, written);
  else if (Array.isArray(raw) && Array.isArray(written)) found = arrayDiff(raw, written);
  return found && !isEmpty(found) ? found : undefined;
}

function objectDiff(raw: JsonObject, written: JsonObject): PreservedFields {
  const add: JsonObject = {};
  const keep: JsonObject = {};
  const inner: Record<string, PreservedFields> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.prototype.hasOwnProperty.call(written, key)) {
      setOwn(add, key, value);
      continue;
    }
    const ours = written[key];
    if (Array.isArray(value) && !Array.isArray(ours) && (ours === null || typeof ours !== 'object') && value.some((v) => v === ours)) {
      setOwn(keep, key, value);
      continue;
    }
    const within = preservedFields(value, ours);
    if (within) setOwn(inner, key, within);
  }
  return {
    ...(Object.keys(add).length ? { add } : {}),
    ...(Object.keys(keep).length ? { keep } : {}),
    ...(Object.keys(inner).length ? { inner } : {}),
  };
}

const typeOf = (v: Json): unknown => (isObject(v) ? v.type : undefined);

function arrayDiff(raw: readonly Json[], written: readonly Json[]): PreservedFields {
  const used = new Set<number>();
  const elements: Record<number, PreservedFields> = {};
  const extraElements: Json[] = [];
  for (const value of raw) {
    // The first written element of the same type (objects) or equal value (plain values) not yet matched.
    const at = written.findIndex((w, i) => !used.has(i) && (isObject(value) ? isObject(w) && typeOf(w) === typeOf(value) : w === value));
    if (at < 0) {
      extraElements.push(value);
      continue;
    }
    used.add(at);
    const within = preservedFields(value, written[at]);
    if (within) elements[at] = within;
  }
  return {
    ...(Object.keys(elements).length ? { elements } : {}),
    ...(extraElements.length ? { extraElements } : {}),
  };
}

/** `written` with `preserved` put back (a new object; `written` is not changed). */
export function withPreservedFields<T>(written: T, preserved: PreservedFields | undefined): T {
  if (!preserved) return written;
  if (Array.isArray(written)) {
    const out: Json[] = written.map((w, i) => withPreservedFields(w, preserved.elements?.[i]));
    return [...out, ...(preserved.extraElements ?? [])] as T;
  }
  if (!isObject(written)) return written;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(written)) {
    const own = (o: Readonly<Record<string, unknown>> | undefined) => o !== undefined && Object.prototype.hasOwnProperty.call(o, key);
    // A list kept in place of the written value only while it still holds that value.
    const kept = own(preserved.keep) ? preserved.keep![key] : undefined;
    if (Array.isArray(kept) && kept.some((v) => v === value)) setOwn(out, key, kept);
    else setOwn(out, key, withPreservedFields(value, own(preserved.inner) ? preserved.inner![key] : undefined));
  }
  // A key the writer has come to write is the writer's from then on.
  for (const [key, value] of Object.entries(preserved.add ?? {})) if (!Object.prototype.hasOwnProperty.call(written, key)) setOwn(out, key, value);
  return out as T;
}
