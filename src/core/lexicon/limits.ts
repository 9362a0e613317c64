/**
 * Bounds on a workspace lexicon. The file comes from the workspace (a cloned repository can hold
 * anything), and without bounds one long alias built a trie that ran the extension host out of
 * memory, and one 20,000-word alias held it for seconds. Each limit is generous next to the
 * built-in data (longest alias 105 characters, 15 words; 2,094 aliases in all), and every message
 * about one names it. docs/lexicon.md lists them.
 */
export const LEXICON_LIMITS = {
  /** The file, in bytes; a larger one is not read at all. */
  fileBytes: 2 * 1024 * 1024,
  /** One alias or ignore phrase, in characters. */
  aliasLength: 200,
  /** Organisations and legal terms together. */
  entries: 5_000,
  /** Aliases of all entries and ignore phrases together. */
  aliases: 20_000,
  /** A canonical name, definition, statute, region, url or context word, in characters. */
  textLength: 2_000,
  /** Nodes the workspace adds to the compiled trie (its compiled size). */
  compiledNodes: 250_000,
} as const;

export type LexiconLimit = keyof typeof LEXICON_LIMITS;

/** "… (limit: aliasLength = 200 characters)": what each message about a limit ends with. */
export function limitNote(limit: LexiconLimit): string {
  const value = LEXICON_LIMITS[limit].toLocaleString('en-GB');
  const unit = { fileBytes: 'bytes', aliasLength: 'characters', entries: 'entries', aliases: 'aliases', textLength: 'characters', compiledNodes: 'trie nodes' }[
    limit
  ];
  return `(limit: ${limit} = ${value} ${unit})`;
}
