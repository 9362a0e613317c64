/** The questions a review command asks when it was not given the answer (from the palette or a menu). */
import * as vscode from 'vscode';
import type { AnnotationKind, LegalCategory, OrganisationType } from '../../../core';
import type { ReviewSource } from '../../../core/review';
import { folderFor } from '../../util/sideFiles';
import { relativePath } from './paths';
import { showQuickPick } from '../../util/notify';

export async function askSource(): Promise<ReviewSource | undefined> {
  const items: (vscode.QuickPickItem & { choice: ReviewSource['kind'] })[] = [
    { label: 'A web address', iconPath: new vscode.ThemeIcon('link'), choice: 'url' },
    { label: 'A document in the workspace', iconPath: new vscode.ThemeIcon('file'), choice: 'document' },
    { label: 'Free text', iconPath: new vscode.ThemeIcon('comment'), description: 'a phone call, a court list, a person', choice: 'text' },
  ];
  const kind = await showQuickPick(items, { title: 'Verified against…', placeHolder: 'Where did you check this figure?' });
  if (!kind) return undefined;
  if (kind.choice === 'document') {
    const files = await vscode.workspace.findFiles('**/*', '**/{node_modules,.git}/**', 1000);
    // File names are the workspace's own text: shown plain, and the pick mapped back to the real name.
    // With several folders, the folder's name comes first (asRelativePath adds it only then).
    const names = files.map((f) => (relativePath(f) !== undefined ? vscode.workspace.asRelativePath(f) : f.toString())).sort();
    const items = names.map((name) => ({ label: name, name }));
    const pick = await showQuickPick(items, { title: 'Verified against a workspace document', placeHolder: 'The document that confirms the figure' });
    return pick ? { kind: 'document', value: pick.name } : undefined;
  }
  const value = await vscode.window.showInputBox({
    title: kind.choice === 'url' ? 'Verified against a web address' : 'Verified against…',
    prompt: kind.choice === 'url' ? 'The address of the page that confirms the figure' : 'Where the figure was confirmed',
    validateInput: (v) =>
      v.trim() === ''
        ? 'Say where it was checked'
        : kind.choice === 'url' && !/^https?:\/\/\S+$/i.test(v.trim())
          ? 'An http:// or https:// address'
          : undefined,
  });
  return value === undefined ? undefined : { kind: kind.choice, value: value.trim() };
}

/**
 * A source given as an argument: an object, or a string taken as a URL, a path in the marked
 * `document`'s workspace folder, or free text.
 */
export async function sourceFromArg(arg: unknown, document?: vscode.Uri): Promise<ReviewSource | undefined> {
  if (arg && typeof arg === 'object' && typeof (arg as ReviewSource).value === 'string') {
    const kind = (arg as ReviewSource).kind;
    if (kind === 'url' || kind === 'document' || kind === 'text') return { kind, value: (arg as ReviewSource).value };
  }
  if (typeof arg !== 'string' || arg.trim() === '') return undefined;
  if (/^https?:\/\//i.test(arg)) return { kind: 'url', value: arg };
  const folder = folderFor(document);
  if (folder) {
    const exists = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, ...arg.split('/'))).then(
      () => true,
      () => false,
    );
    if (exists) return { kind: 'document', value: arg };
  }
  return { kind: 'text', value: arg };
}

export function askText(title: string, prompt: string, value?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, validateInput: (v) => (v.trim() === '' ? 'Write something, or press Escape' : undefined) });
}

export async function askKind(): Promise<AnnotationKind | undefined> {
  const items: (vscode.QuickPickItem & { choice: AnnotationKind })[] = [
    { label: 'Figure', description: 'a number the release claims', choice: 'figure' },
    { label: 'Organisation', description: 'a force, agency, charity…', choice: 'organisation' },
    { label: 'Legal term', description: 'an offence, Act, order…', choice: 'legal-term' },
  ];
  const pick = await showQuickPick(items, { title: 'Annotate the selection as…' });
  return pick?.choice;
}

const organisationTypes: readonly OrganisationType[] = [
  'police-force',
  'national-agency',
  'regional-unit',
  'government',
  'prosecutor',
  'inspectorate',
  'court',
  'council',
  'charity',
  'media',
  'other',
];
const legalCategories: readonly LegalCategory[] = [
  'offence',
  'legislation',
  'drug-classification',
  'order',
  'police-power',
  'court-process',
  'sentence',
  'safeguarding',
];

export function askOrganisationType(): Thenable<OrganisationType | undefined> {
  return showQuickPick([...organisationTypes], { title: 'What kind of organisation?' }) as Thenable<OrganisationType | undefined>;
}

export function askLegalCategory(): Thenable<LegalCategory | undefined> {
  return showQuickPick([...legalCategories], { title: 'What kind of legal term?' }) as Thenable<LegalCategory | undefined>;
}

export function isOrganisationType(v: unknown): v is OrganisationType {
  return organisationTypes.includes(v as OrganisationType);
}

export function isLegalCategory(v: unknown): v is LegalCategory {
  return legalCategories.includes(v as LegalCategory);
}
