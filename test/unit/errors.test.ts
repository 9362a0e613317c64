/**
 * The error contract: an extraction stage that fails is reported as a notice (analyze.ts says
 * "anything that goes wrong is reported as a notice") while what it and the other stages found
 * stands; disposing many things disposes them all and then reports every failure.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { findFigures } from '../../src/core/extract/figures';
import { readMeta } from '../../src/core/extract/meta';
import { compileLexicon } from '../../src/core/lexicon';
import { splitSentences } from '../../src/core/text/sentences';
import { LineIndex } from '../../src/core/text/lines';
import { disposeAll } from '../../src/extension/util/dispose';
import { errorForLog } from '../../src/extension/util/errors';

const text = 'Riverford Police arrested 14 people and seized £3,200 in a week of action.\n\nThe National Crime Agency said 6 of them were charged.\n';

/** Stands in for a bug: any use of it throws. */
const broken = <T>(): T =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('injected failure');
      },
    },
  ) as T;

describe('errors: an extraction stage that fails is reported, not dropped', () => {
  it('findFigures tells its caller and returns what it had', () => {
    const seen: [string, unknown][] = [];
    const figures = findFigures(text, {
      lexicon: compileLexicon(),
      lineIndex: new LineIndex(text),
      sentences: splitSentences(text),
      entities: [],
      documentContext: { meta: {}, namedMeasures: broken() },
      onError: (stage, e) => seen.push([stage, e]),
    });
    assert.ok(Array.isArray(figures));
    assert.equal(seen.length, 1);
    assert.equal(seen[0]![0], 'figures');
    assert.match(String(seen[0]![1]), /injected failure/);
  });

  it('readMeta tells its caller and returns no meta', () => {
    const seen: string[] = [];
    const meta = readMeta(
      'Riverford Police: week of action\n\nOfficers from Riverford Police arrested fourteen people in a week of action across the county.\n',
      {
        entities: broken(),
        lineIndex: new LineIndex(''),
        onError: (stage) => seen.push(stage),
      },
    );
    assert.deepEqual(meta, {});
    assert.deepEqual(seen, ['meta']);
  });

  it('analyze() turns a failed figure stage into an internal notice, keeps the organisations, and logs the error object', () => {
    const logged: unknown[] = [];
    const result = analyze(text, {
      documentContext: { meta: {}, namedMeasures: broken() },
      logger: { debug() {}, info() {}, warn() {}, error: (_m: string, e?: unknown) => logged.push(e) },
    });
    const internal = result.notices.filter((n) => n.code === 'internal');
    assert.equal(internal.length, 1);
    assert.match(internal[0]!.message, /Finding figures stopped by an internal error: injected failure/);
    assert.equal(internal[0]!.severity, 'error');
    assert.ok(
      result.annotations.some((a) => a.kind === 'organisation'),
      'the organisations found stand',
    );
    assert.ok(logged[0] instanceof Error, 'the error itself reaches the logger, with its stack');
  });

  it('gives no internal notice when nothing failed', () => {
    assert.deepEqual(
      analyze(text).notices.filter((n) => n.code === 'internal'),
      [],
    );
  });
});

describe('errors: disposeAll', () => {
  it('disposes everything even when some throw, then throws one error naming every failure', () => {
    const order: string[] = [];
    const ok = (name: string) => ({ dispose: () => void order.push(name) });
    const bad = (name: string) => ({
      dispose: () => {
        order.push(name);
        throw new Error(`${name} failed`);
      },
    });
    let thrown: unknown;
    try {
      disposeAll([ok('a'), bad('b'), ok('c'), bad('d'), ok('e')]);
    } catch (e) {
      thrown = e;
    }
    assert.deepEqual(order, ['e', 'd', 'c', 'b', 'a'], 'all disposed, newest first');
    assert.ok(thrown instanceof AggregateError, 'several failures: an AggregateError');
    assert.deepEqual(
      (thrown as AggregateError).errors.map((e: Error) => e.message),
      ['d failed', 'b failed'],
    );
  });

  it('rethrows a single failure as it is, and throws nothing when all succeed', () => {
    const err = new Error('only one');
    assert.throws(
      () =>
        disposeAll([
          { dispose: () => undefined },
          {
            dispose: () => {
              throw err;
            },
          },
        ]),
      (e) => e === err,
    );
    assert.doesNotThrow(() => disposeAll([{ dispose: () => undefined }]));
  });

  it('does not mutate its argument', () => {
    const list = [{ dispose: () => undefined }, { dispose: () => undefined }];
    const copy = [...list];
    disposeAll(list);
    assert.deepEqual(list, copy);
  });
});

describe('errors: what reaches the log', () => {
  it('hands the log an Error carrying the context, the stack and the stacks of its causes', () => {
    const root = new Error('disk full');
    const wrapped = new Error('Failed to activate: (review) disk full', { cause: root });
    const logged = errorForLog('activate', wrapped);
    assert.ok(logged instanceof Error, 'an Error, so VS Code prints its stack');
    assert.equal(logged.message, 'activate: Failed to activate: (review) disk full');
    const stack = logged.stack!;
    assert.match(stack, /^activate: Error: Failed to activate: \(review\) disk full\n\s+at /);
    assert.match(stack, /\nCaused by: Error: disk full\n\s+at /);
    assert.ok(stack.includes(__filename.split('/').pop()!), 'the frames name where it was thrown');
  });

  it('writes a thrown non-Error as text, and survives a cause that points back at itself', () => {
    assert.equal(errorForLog('index', 'EACCES'), 'index: EACCES');
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    assert.doesNotMatch((errorForLog('x', loop) as Error).stack!, /Caused by/);
  });
});
