import { compileLexicon, findEntities, type CompiledLexicon } from '../lexicon';
import { slug } from '../lexicon/unknownOrganisations';
import { LineIndex } from '../text/lines';
import { splitSentences } from '../text/sentences';

/** Turns an organisation as a reference table names it ("Metropolitan Police Service", "the Met", "met") into the id figures use. */
export type OrganisationResolver = (name: string) => string | undefined;

let builtIn: CompiledLexicon | undefined;

/**
 * Resolves names through the lexicon, as the extractors do for claimants; a name the lexicon does not know
 * becomes the same slug the unknown-organisation rule gives it, so both sides still meet.
 */
export function lexiconResolver(lexicon?: CompiledLexicon): OrganisationResolver {
  const cache = new Map<string, string | undefined>();
  return (name) => {
    const trimmed = name.trim();
    if (!trimmed) return undefined;
    if (cache.has(trimmed)) return cache.get(trimmed);
    const lex = lexicon ?? (builtIn ??= compileLexicon());
    const found = findEntities(trimmed, lex, { lineIndex: new LineIndex(trimmed), sentences: splitSentences(trimmed) }).filter(
      (e) => e.kind === 'organisation',
    );
    const whole = found.find(
      (e) =>
        trimmed
          .slice(0, e.start)
          .replace(/^the\s+/i, '')
          .trim() === '' && trimmed.slice(e.end).trim() === '',
    );
    const id = whole && whole.kind === 'organisation' ? whole.entityId : slug(trimmed) || undefined;
    cache.set(trimmed, id);
    return id;
  };
}
