import * as vscode from 'vscode';
import type { Services } from '../services/types';
import { Disposable } from '../util/dispose';
import { logErrors } from '../util/errors';
import { isAnnotatedLanguage } from '../util/documents';

/**
 * Keeps open documents analysed per `analysis.trigger`: as you type (after `analysis.delay`), on
 * save, or only by command. Opening a document analyses it unless the trigger is onCommand.
 */
export class AnalysisTriggers extends Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly services: Services) {
    super();
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.trigger === 'onType') this.schedule(e.document);
      }),
    );
    this._register(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.trigger !== 'onCommand') this.run(doc, 'save');
      }),
    );
    this._register(
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (this.trigger !== 'onCommand') this.run(doc, 'open');
      }),
    );
    this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
  }

  private get trigger() {
    return this.services.config.current.analysis.trigger;
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.run(doc, 'type');
      }, this.services.config.current.analysis.delay),
    );
  }

  private run(doc: vscode.TextDocument, why: string): void {
    if (doc.isClosed || !isAnnotatedLanguage(doc.languageId, this.services.config.current.decoratePlainTextAndMarkdown)) return;
    logErrors(this.services.index.analyzeDocument(doc), `analysis (${why})`, this.services.log);
  }
}

export function registerAnalysisTriggers(services: Services): AnalysisTriggers {
  return new AnalysisTriggers(services);
}
