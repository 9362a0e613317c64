/**
 * Saves a hand-annotated organisation or legal term to the workspace lexicon file, so the engine
 * finds it in every document: the entry is merged into the file (which the workspace lexicon
 * service watches and re-indexes from), and a file that is not valid afterwards is not written.
 */
import * as vscode from 'vscode';
import { validateLexiconExtension } from '../../../core';
import { mergeLexiconAddition, type LexiconAddition, type LexiconMergeResult } from '../../../core/review';
import type { ConfigurationService } from '../../services/types';
import { assertNoLinkOut, folderFor, sideFileOf } from '../../util/sideFiles';

/** Saves `addition` to the lexicon of the workspace folder that holds `document` (the one it was annotated in). */
export async function saveToWorkspaceLexicon(
  config: ConfigurationService,
  addition: LexiconAddition,
  document?: vscode.Uri,
): Promise<LexiconMergeResult & { uri: vscode.Uri }> {
  const folder = folderFor(document);
  const side = sideFileOf(config.for(folder).workspace.lexiconFile, 'crimeAnnotator.workspace.lexiconFile', folder);
  if (!side) throw new Error('there is no workspace lexicon file (open a folder; see crimeAnnotator.workspace.lexiconFile)');
  if (side.refused !== undefined) throw new Error(`${side.refused}; the lexicon is only written inside it`);
  const uri: vscode.Uri = side.uri!;
  await assertNoLinkOut(uri, folder);
  let current: unknown;
  try {
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    current = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) current = undefined;
    else throw new Error(`${vscode.workspace.asRelativePath(uri)} is not valid JSON (${e.message}); fix it before adding to it`);
  }
  const result = mergeLexiconAddition(current, addition);
  const problems = validateLexiconExtension(JSON.parse(result.text));
  if (problems.length > 0) throw new Error(`the lexicon would not be valid: ${problems.slice(0, 3).join('; ')}`);
  if (result.outcome !== 'present') {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const temp = vscode.Uri.joinPath(uri, '..', `.lexicon.${Date.now().toString(36)}.tmp`);
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(result.text));
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  }
  return { ...result, uri };
}
