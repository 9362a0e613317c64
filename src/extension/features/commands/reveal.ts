import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import type { OpenLocationArgs, Services } from '../../services/types';
import { reveal, toRange, toUri } from './locations';
import { registerSafeCommand } from './run';

/**
 * `revealOccurrence(uri, range)` from the trees, `openClaim(uri, line)` from code, and either with
 * one `OpenLocationArgs` object from a hover link: all end with the place selected in an editor.
 */
export function registerRevealCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    registerSafeCommand(services.log, CommandId.revealOccurrence, 'reveal the occurrence', async (target?: unknown, range?: unknown) => {
      const place = await resolvePlace(target, range);
      await reveal(place.uri, place.range);
      return place;
    }),
    registerSafeCommand(services.log, CommandId.openClaim, 'open the claim’s source', async (target?: unknown, line?: unknown, character?: unknown) => {
      const place = await resolvePlace(target, typeof line === 'number' ? new vscode.Range(line, num(character), line, num(character)) : line);
      await reveal(place.uri, place.range);
      return place;
    }),
  );
}

export async function resolvePlace(target: unknown, range: unknown): Promise<{ uri: vscode.Uri; range: vscode.Range }> {
  if (isOpenLocationArgs(target)) return placeOfLink(target);
  const uri = toUri(target);
  if (!uri) throw new Error(`expected a document URI, got ${describe(target)}`);
  return { uri, range: toRange(range) ?? new vscode.Range(0, 0, 0, 0) };
}

/** Offsets in a link were taken from the analysed text; if the document has since shrunk, the line still helps. */
async function placeOfLink(args: OpenLocationArgs): Promise<{ uri: vscode.Uri; range: vscode.Range }> {
  const uri = toUri(args.uri);
  if (!uri) throw new Error(`the link names no document (${describe(args.uri)})`);
  const document = await vscode.workspace.openTextDocument(uri);
  const length = document.getText().length;
  if (args.start !== undefined && args.end !== undefined && args.start <= args.end && args.end <= length) {
    return { uri, range: new vscode.Range(document.positionAt(args.start), document.positionAt(args.end)) };
  }
  return { uri, range: new vscode.Range(args.line, 0, args.line, 0) };
}

function isOpenLocationArgs(value: unknown): value is OpenLocationArgs {
  return !!value && typeof value === 'object' && typeof (value as OpenLocationArgs).uri === 'string' && typeof (value as OpenLocationArgs).line === 'number';
}

function num(value: unknown): number {
  return typeof value === 'number' && value >= 0 ? value : 0;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
