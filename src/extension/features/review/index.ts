/**
 * Editorial review: marks (verified, disputed, note, not a claim, added) stored beside the drafts in
 * a W3C Web Annotation file, re-anchored as the text changes, shown in decorations, hover cards and
 * the Review view, and undoable. `registerReview` wires it all and returns the service other
 * features use (`isSuppressed` for "not a claim") and the test api.
 */
import * as vscode from 'vscode';
import type { Services } from '../../services/types';
import { logErrors } from '../../util/errors';
import { registerReviewCommands } from './commands';
import { ReviewDecorations } from './reviewDecorations';
import { registerReviewHover } from './reviewHover';
import { ReviewModel } from './reviewModel';
import { ReviewStores } from './reviewStores';
import { ReviewTree } from './reviewTree';
import type { ReviewTestApi } from './types';
import type { LargeFiles } from '../../util/largeFiles';
import { showError, showWarning } from '../../util/notify';

export type { ReviewService, ReviewTestApi } from './types';
export { reviewHoverFor } from './reviewHover';

export interface RegisteredReview extends vscode.Disposable {
  readonly api: ReviewTestApi;
}

export function registerReview(_context: vscode.ExtensionContext, services: Pick<Services, 'config' | 'log' | 'index'>, files?: LargeFiles): RegisteredReview {
  const store = new ReviewStores(services.config, services.log, files);
  const model = new ReviewModel(store, services);
  const tree = new ReviewTree(model, services);
  const decorations = new ReviewDecorations(model, services);
  const reports = store.onDidReport(({ store: from, message }) => {
    if (/cannot read/.test(message))
      void showError(message, 'Open File').then((c) => (c && from.fileUri ? vscode.window.showTextDocument(from.fileUri) : undefined));
    else void showWarning(message);
  });
  const loaded = store.load();
  logErrors(loaded, 'review.load', services.log);
  const disposable = vscode.Disposable.from(
    store,
    model,
    tree,
    decorations,
    reports,
    registerReviewHover(model, services),
    registerReviewCommands(services as Services, model),
  );
  const api: ReviewTestApi = {
    onDidChange: model.onDidChange,
    isSuppressed: (uri, annotation, text) => model.isSuppressed(uri, annotation, text),
    suppressorFor: (uri, text) => model.suppressorFor(uri, text),
    markedDocuments: () => model.markedDocuments(),
    placementsFor: (uri, text) => model.placementsFor(uri, text),
    progressFor: (uri) => model.progressFor(uri),
    get problem() {
      return store.problem;
    },
    get fileUri() {
      return store.fileUri;
    },
    fileUriFor: (uri) => store.storeFor(uri)?.fileUri,
    marks: () => store.all(),
    reload: () => store.load(),
    decorationsFor: (uri) => decorations.decorationsFor(uri),
    viewSnapshot: async () => tree.snapshot(),
    settled: async () => {
      await loaded.catch(() => undefined);
      await store.settled();
    },
  };
  return { api, dispose: () => disposable.dispose() };
}
