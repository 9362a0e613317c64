/**
 * Three-way merge of review marks by id, for when the annotations file changed on disk (a git pull,
 * another editor) while this window held changes of its own. `base` is what this window last read
 * or wrote. A mark changed on one side only takes that side; changed on both, the later `modified`
 * wins and the other is reported; deleted on one side and changed on the other is kept and reported,
 * so nothing anyone did disappears without a word.
 */
import type { ReviewMark } from './model';
import { annotationObject } from './serialize';

export interface MergeResult {
  readonly marks: ReviewMark[];
  /** One line per mark both sides touched differently, for the user. */
  readonly conflicts: string[];
}

export function mergeMarks(base: readonly ReviewMark[], mine: readonly ReviewMark[], theirs: readonly ReviewMark[]): MergeResult {
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const ids = new Set([...m.keys(), ...t.keys(), ...b.keys()]);
  const marks: ReviewMark[] = [];
  const conflicts: string[] = [];
  for (const id of ids) {
    const [inBase, inMine, inTheirs] = [b.get(id), m.get(id), t.get(id)];
    const mineChanged = !same(inBase, inMine);
    const theirsChanged = !same(inBase, inTheirs);
    if (!mineChanged) {
      if (inTheirs) marks.push(inTheirs);
    } else if (!theirsChanged) {
      if (inMine) marks.push(inMine);
    } else if (same(inMine, inTheirs)) {
      if (inMine) marks.push(inMine);
    } else if (inMine && inTheirs) {
      const mineLater = inMine.modified > inTheirs.modified;
      marks.push(mineLater ? inMine : inTheirs);
      conflicts.push(
        `"${inMine.anchor.exact}" in ${inMine.document}: changed here and on disk; kept the ${mineLater ? 'change made here' : 'change on disk'} (later)`,
      );
    } else {
      const kept = (inMine ?? inTheirs)!;
      marks.push(kept);
      conflicts.push(`"${kept.anchor.exact}" in ${kept.document}: deleted ${inMine ? 'on disk' : 'here'} but changed ${inMine ? 'here' : 'on disk'}; kept`);
    }
  }
  return { marks, conflicts };
}

function byId(marks: readonly ReviewMark[]): Map<string, ReviewMark> {
  return new Map(marks.map((mark) => [mark.id, mark]));
}

function same(a: ReviewMark | undefined, b: ReviewMark | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  // As written, fields kept from the file included: a change another tool made to them is a change.
  return JSON.stringify(annotationObject(a)) === JSON.stringify(annotationObject(b));
}
