/**
 * Word forms for what a figure counts, from compromise's English model: the singular of a counted noun
 * ("businesses" → "business") and the participle of the verb that governs it ("sending £26 million" →
 * "sent", "prosecute 2,000 people" → "prosecuted"). compromise is loaded on first use only (its model
 * takes a few hundred milliseconds to build, once per process), and only its word-form transforms are
 * used, never a parse of the text: a parse of the whole document costs ten times the rest of the
 * analysis. Results are cached.
 */

interface VerbForms {
  readonly Infinitive?: string;
  readonly PastTense?: string;
  readonly Participle?: string;
}

interface Transforms {
  readonly toSingular: (word: string) => string;
  readonly toInfinitive: (word: string, tense: string) => string;
  readonly conjugate: (infinitive: string) => VerbForms;
}

let transforms: Transforms | null | undefined;

function load(): Transforms | null {
  if (transforms !== undefined) return transforms;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nlp = require('compromise/two') as { methods(): unknown; model(): unknown };
    const methods = nlp.methods() as {
      two: {
        transform: {
          noun: { toSingular(w: string, m: unknown): string };
          verb: { toInfinitive(w: string, m: unknown, tense: string): string; conjugate(w: string, m: unknown): VerbForms };
        };
      };
    };
    const model = nlp.model();
    const t = methods.two.transform;
    transforms = {
      toSingular: (w) => t.noun.toSingular(w, model),
      toInfinitive: (w, tense) => t.verb.toInfinitive(w, model, tense),
      conjugate: (w) => t.verb.conjugate(w, model),
    };
  } catch {
    // Without compromise the words are kept as written; nothing else depends on it.
    transforms = null;
  }
  return transforms;
}

const MAX_CACHED = 20_000;
const singulars = new Map<string, string>();
const participles = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/** Irregular plurals the press uses for people, which need no model. */
const PERSON_PLURALS: Readonly<Record<string, string>> = { men: 'man', women: 'woman', people: 'person', children: 'child', police: 'police', staff: 'staff' };

/** "businesses" → "business", "offences" → "offence", "men" → "man"; a word that is not plural is returned as it is. */
export function singularOf(noun: string): string {
  const word = noun.toLowerCase();
  if (PERSON_PLURALS[word]) return PERSON_PLURALS[word];
  if (!/s$/.test(word) || /(?:ss|us|is)$/.test(word)) return word;
  const known = singulars.get(word);
  if (known !== undefined) return known;
  const t = load();
  return remember(singulars, word, t ? t.toSingular(word) || word : word.replace(/ies$/, 'y').replace(/s$/, ''));
}

/** "sending" → "sent", "prosecute" → "prosecuted", "stealing" → "stolen"; a word already ending in -ed is kept. */
export function participleOf(verb: string): string {
  const word = verb.toLowerCase();
  if (/ed$/.test(word)) return word;
  const known = participles.get(word);
  if (known !== undefined) return known;
  const t = load();
  if (!t) return remember(participles, word, word);
  const infinitive = t.toInfinitive(word, /ing$/.test(word) ? 'Gerund' : /s$/.test(word) ? 'PresentTense' : 'Infinitive') || word;
  const forms = t.conjugate(infinitive);
  return remember(participles, word, forms.Participle ?? forms.PastTense ?? word);
}
