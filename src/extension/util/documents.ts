/** Which documents the extension annotates: crime reports always, plain text and Markdown when the setting says so. */
export function isAnnotatedLanguage(languageId: string, plainTextAndMarkdown: boolean): boolean {
  if (languageId === 'crime-report') return true;
  return plainTextAndMarkdown && (languageId === 'plaintext' || languageId === 'markdown');
}

export const annotatedLanguages = ['crime-report', 'plaintext', 'markdown'] as const;
