/**
 * Descriptions that can stand in for a name: "a 16-year-old boy from Hull" at the first mention,
 * "the boy" after it. Built only from what the text says of the person.
 */
import type { Person } from '../people';

export interface DescribeOptions {
  /** A victim's home town can identify them: leave it out. */
  readonly withPlace: boolean;
}

function noun(p: Person): string {
  if (p.minor) {
    if (p.gender === 'male') return 'boy';
    if (p.gender === 'female') return 'girl';
    return p.age !== undefined && p.age < 13 ? 'child' : 'teenager';
  }
  if (p.gender === 'male') return 'man';
  if (p.gender === 'female') return 'woman';
  return 'person';
}

/** "an 18-year-old", "an 8-year-old", "an 11-year-old", "a 16-year-old". */
function article(next: string): string {
  return /^(?:8|11|18|8\d)(?!\d)|^[aeiou]/i.test(next) ? 'an' : 'a';
}

export function firstDescription(p: Person, options: DescribeOptions): string {
  const age = p.age !== undefined ? `${p.age}-year-old ` : '';
  const place = options.withPlace && p.place ? ` from ${p.place}` : '';
  const words = `${age}${noun(p)}${place}`;
  return `${article(words)} ${words}`;
}

export function laterDescription(p: Person): string {
  return `the ${noun(p)}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
