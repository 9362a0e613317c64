/**
 * The domain lexicon: organisations and legal terms as data (data/*.json, checked against
 * schema/*.schema.json), compiled once into a token trie and matched in one pass. See docs/lexicon.md.
 */
export { compileLexicon, compileLexiconSteps, type CompiledLexicon } from './compile';
export { LEXICON_LIMITS, limitNote, type LexiconLimit } from './limits';
export type { AliasSpec, LegalTermEntry, LexiconExtension, OrganisationEntry } from './entries';
export { findEntities, type EntityAnnotation, type EntityContext } from './match';
export { validateLexiconExtension } from './validate';

import organisationData from './data/organisations.json';
import legalTermData from './data/legal-terms.json';
/** The built-in lexicon's data as written, for what annotations do not carry (aliases, definitions in hover cards). */
export { organisationData, legalTermData };
