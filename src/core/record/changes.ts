import type { FigureAnnotation } from '../types';

/** What may stand between a before and an after figure: "1,431 to 2,232", "1,431 → 2,232". */
const BETWEEN_BEFORE_AND_AFTER = /^\s*(?:to|→|->|–|—|-|up to|rising to|falling to)\s*$/i;

export interface ChangeOperands {
  readonly before?: FigureAnnotation;
  readonly after?: FigureAnnotation;
}

/**
 * The before and after figures of each stated change ("up 55% (1,431 to 2,232)"): the ones the extractor
 * attached by value, or else "A to B" after the change in the same sentence. The before counts an earlier
 * period than the sentence states, so the record keeps it apart from the level figures.
 */
export function findChangeOperands(text: string, figures: readonly FigureAnnotation[]): Map<FigureAnnotation, ChangeOperands> {
  const out = new Map<FigureAnnotation, ChangeOperands>();
  // The figures that can be a change's operands, by sentence: a long document has many changes.
  const operandsBySentence = new Map<number, FigureAnnotation[]>();
  for (const y of figures) {
    if (y.change || y.unit === 'percent') continue;
    const list = operandsBySentence.get(y.sentence.start);
    if (list) list.push(y);
    else operandsBySentence.set(y.sentence.start, [y]);
  }
  for (const x of figures) {
    if (!x.change) continue;
    const inSentence = operandsBySentence.get(x.sentence.start) ?? [];
    const { from, to } = x.change;
    if (from !== undefined && to !== undefined) {
      const before = inSentence.find((y) => y.value === from);
      const after = inSentence.find((y) => y.value === to && y !== before);
      out.set(x, { ...(before ? { before } : {}), ...(after ? { after } : {}) });
      continue;
    }
    const following = inSentence.filter((y) => y.start >= x.end);
    for (let i = 0; i + 1 < following.length; i++) {
      const [a, b] = [following[i], following[i + 1]];
      if (a.unit === b.unit && BETWEEN_BEFORE_AND_AFTER.test(text.slice(a.end, b.start))) {
        out.set(x, { before: a, after: b });
        break;
      }
    }
  }
  return out;
}

/** Role of each figure that is the before or after of a change, by annotation id. */
export function changeRoles(text: string, figures: readonly FigureAnnotation[]): Map<string, 'before' | 'after'> {
  const roles = new Map<string, 'before' | 'after'>();
  for (const { before, after } of findChangeOperands(text, figures).values()) {
    if (before) roles.set(before.id, 'before');
    if (after) roles.set(after.id, 'after');
  }
  return roles;
}
