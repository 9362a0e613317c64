/**
 * Workspace text made plain for the two places VS Code gives text meaning (see notify.ts). Pure, so
 * the unit tests check it against VS Code's own patterns.
 */

const WORD_JOINER = '\u2060';
/** What VS Code draws as an icon: `$(name)`, `$(name~modifier)`. */
const ICON = /\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;

/** Notification text in which no link can form: a word joiner between every `]` and the `(` after it. */
export function plainNotificationText(text: string): string {
  return text.replace(/\](?=\()/g, `]${WORD_JOINER}`);
}

/** Label text in which no `$(icon)` is drawn: VS Code's own escape, a backslash before it. */
export function plainLabelText(text: string): string {
  return text.replace(ICON, (m: string, _name: string, offset: number, whole: string) => (whole[offset - 1] === '\\' ? m : `\\${m}`));
}
