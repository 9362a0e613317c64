import type { Person, PersonMention } from '../people';
import type { TextFix } from '../record/types';
import type { RuleContext } from './context';
import { capitalise, firstDescription, laterDescription, type DescribeOptions } from './describe';

/**
 * Replaces one naming of a person with a description: the first with "a 16-year-old boy from Hull"
 * (taking the age and address after the name with it, so the text does not say "a boy, 16, of ..."),
 * the later ones with "the boy".
 */
export function descriptionFix(ctx: RuleContext, p: Person, m: PersonMention, options: DescribeOptions): TextFix {
  const first = ctx.namedMentions(p)[0] === m && m.kind === 'name';
  let end = m.end;
  let words: string;
  if (first) {
    words = firstDescription(p, options);
    if (p.firstNamingSpan && p.firstNamingSpan.start === m.start) end = p.firstNamingSpan.end;
  } else {
    words = laterDescription(p);
  }
  const removed = ctx.text.slice(m.start, end);
  let replacement = ctx.startsSentence(m.start) ? capitalise(words) : words;
  if (end > m.end && /\s$/.test(removed)) replacement += ' ';
  return { start: m.start, end, replacement, title: `Replace “${m.text}” with “${replacement.trim()}”` };
}
