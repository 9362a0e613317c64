import * as vscode from 'vscode';
import { CommandId } from '../../commandIds';
import type { TallyScope } from '../../services/configuration';
import type { Services } from '../../services/types';
import { registerSafeCommand } from '../commands/run';
import { ContextKey, type ViewContextKeys } from './contextKeys';
import { scopeLabels, type TallyTreeProvider } from './tallyTree';
import { showQuickPick } from '../../util/notify';

const scopes: readonly TallyScope[] = ['file', 'openEditors', 'workspace'];

/** Filter and scope of the Tally view. Given an argument they act at once; without one they ask. */
export function registerTallyCommands(services: Services, tally: TallyTreeProvider, contextKeys: ViewContextKeys): vscode.Disposable {
  const applyFilter = async (text: string) => {
    tally.setFilter(text);
    await contextKeys.set(ContextKey.tallyFiltered, tally.filter.length > 0);
    return tally.filter;
  };

  return vscode.Disposable.from(
    registerSafeCommand(services.log, CommandId.filterTally, 'filter the tally', async (text?: unknown) => {
      if (typeof text === 'string') return applyFilter(text);
      const typed = await vscode.window.showInputBox({
        title: 'Filter Tally',
        prompt: 'Show only measures, organisations, legal terms or mentions containing this text',
        placeHolder: 'e.g. arrests, NCA, Modern Slavery',
        value: tally.filter,
      });
      return typed === undefined ? tally.filter : applyFilter(typed);
    }),
    registerSafeCommand(services.log, CommandId.clearTallyFilter, 'clear the tally filter', () => applyFilter('')),
    registerSafeCommand(services.log, CommandId.setTallyScope, 'set the tally scope', async (scope?: unknown) => {
      if (scope !== undefined && !scopes.includes(scope as TallyScope)) {
        throw new Error(`unknown scope “${String(scope)}”; expected one of ${scopes.join(', ')}`);
      }
      let chosen = scope as TallyScope | undefined;
      if (!chosen) {
        const picked = await showQuickPick(
          scopes.map((s) => ({ label: scopeLabels[s], description: s === tally.scope ? 'current' : undefined, scope: s })),
          { title: 'Tally Scope', placeHolder: 'What should the Tally view count?' },
        );
        chosen = picked?.scope;
      }
      if (chosen) await tally.setScope(chosen);
      return tally.scope;
    }),
  );
}
