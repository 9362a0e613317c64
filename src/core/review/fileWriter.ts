/**
 * Writes the annotations file in steps, for files too large to write in one go (100,000 marks are
 * about 90 MB): each annotation is encoded on its own and its bytes remembered for the mark object
 * (marks never change in place, so remembered bytes are never stale), so writing the file again
 * after one change encodes one annotation and copies the rest. The bytes are exactly
 * `serializeMarks` encoded as UTF-8; the unit tests hold it to that.
 */
import type { ReviewMark } from './model';
import type { PreservedFields } from './preserve';
import { sortInSteps } from '../slices';
import { withPreservedFields } from './preserve';
import { annotationObject, compareMarks, pageHead, serializeMarks, type AnnotationsFileIdentity } from './serialize';

/**
 * Each mark's bytes as an item of the page (indented), kept as long as the mark object lives. The
 * bytes hold the document's IRI under the file's base, so they are kept for one base at a time.
 */
export class ItemBytesCache {
  private base: string | undefined;
  private items = new WeakMap<ReviewMark, Uint8Array>();

  /** The remembered bytes for marks written under `base` (forgotten when the base changes). */
  forBase(base: string): WeakMap<ReviewMark, Uint8Array> {
    if (base !== this.base) {
      this.base = base;
      this.items = new WeakMap();
    }
    return this.items;
  }
}

const ITEMS_PER_STEP = 100;
/** The page's items key at the top level; a string value in the file cannot hold a raw line break. */
const EMPTY_ITEMS = '\n  "items": []';

const encoder = new TextEncoder();
const SEPARATOR = encoder.encode(',\n');

/** One mark as the file under `base` holds it: its annotation, indented as an item of the page. */
export function itemText(mark: ReviewMark, base: string): string {
  return '    ' + JSON.stringify(annotationObject(mark, base), null, 2).replace(/\n/g, '\n    ');
}

function itemBytes(mark: ReviewMark, base: string, cache: WeakMap<ReviewMark, Uint8Array> | undefined): Uint8Array {
  let bytes = cache?.get(mark);
  if (!bytes) {
    bytes = encoder.encode(itemText(mark, base));
    cache?.set(mark, bytes);
  }
  return bytes;
}

/** `serializeMarks(marks, file, page)` as UTF-8 bytes, made in steps. */
export function* serializeMarksSteps(
  marks: readonly ReviewMark[],
  file: AnnotationsFileIdentity,
  page?: PreservedFields,
  cache?: ItemBytesCache,
): Generator<void, Uint8Array> {
  if (marks.length === 0) return encoder.encode(serializeMarks(marks, file, page));
  const shell = JSON.stringify(withPreservedFields({ ...pageHead(file, true), items: [] }, page), null, 2) + '\n';
  const at = shell.indexOf(EMPTY_ITEMS);
  if (at < 0) return encoder.encode(serializeMarks(marks, file, page));
  const remembered = cache?.forBase(file.base);
  const sorted = yield* sortInSteps(marks, compareMarks);
  const head = encoder.encode(`${shell.slice(0, at)}\n  "items": [\n`);
  const tail = encoder.encode(`\n  ]${shell.slice(at + EMPTY_ITEMS.length)}`);
  const items: Uint8Array[] = [];
  let size = head.length + tail.length + SEPARATOR.length * (sorted.length - 1);
  for (let i = 0; i < sorted.length; i++) {
    const bytes = itemBytes(sorted[i], file.base, remembered);
    items.push(bytes);
    size += bytes.length;
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  const out = new Uint8Array(size);
  out.set(head, 0);
  let offset = head.length;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) {
      out.set(SEPARATOR, offset);
      offset += SEPARATOR.length;
    }
    out.set(items[i], offset);
    offset += items[i].length;
    if (i % (ITEMS_PER_STEP * 20) === 0) yield;
  }
  out.set(tail, offset);
  return out;
}
