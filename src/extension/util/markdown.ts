/**
 * Escaping for text that came from a document and is shown in a hover card. Every ASCII punctuation
 * character is backslash-escaped (CommonMark allows it for all of them), so no document text can
 * open a link, an image, a command, HTML or emphasis; ':' and '.' are escaped too so the renderer's
 * autolinker does not turn "https://..." or "www.x.com" into links. Line breaks become spaces so a
 * document cannot start a new block (a heading, a list, a code fence).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** Text for inside an inline code span: backticks cannot be escaped there, so they are replaced. */
export function inlineCode(text: string): string {
  const safe = text.replace(/[\r\n]+/g, ' ').replace(/`/g, 'ʹ');
  return `\`${safe}\``;
}

/** A `command:` link to one of the extension's own commands, with JSON arguments. */
export function commandLink(label: string, command: string, args: unknown, tooltip?: string): string {
  const query = encodeURIComponent(JSON.stringify([args]));
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : '';
  return `[${escapeMarkdown(label)}](command:${command}?${query}${title})`;
}
