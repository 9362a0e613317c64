/**
 * The settings contract: package.json is the one place defaults live (configuration.ts reads them
 * from there), every setting has a scope and sits in a titled section, and a bad value in someone's
 * settings.json falls back to the default with a message.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readConfig, type InvalidSetting } from '../../src/extension/services/settings';
import { invalidReason, settingSchemas } from '../../src/extension/services/settings';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const sections = manifest.contributes.configuration as {
  title: string;
  order?: number;
  properties: Record<string, { default: unknown; scope?: string; description?: string }>;
}[];
const declared = sections.flatMap((s) => Object.entries(s.properties));

/** `{ a: { b: 1 }, c: 2 }` as `[['a.b', 1], ['c', 2]]`. */
function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

describe('settings', () => {
  it('are contributed as titled sections, each setting in exactly one', () => {
    assert.ok(Array.isArray(sections) && sections.length > 1, 'contributes.configuration is an array of sections');
    for (const s of sections) {
      assert.ok(typeof s.title === 'string' && s.title.length > 0, 'every section has a title');
      assert.ok(Object.keys(s.properties).length > 0, `section ${s.title} is empty`);
    }
    assert.deepEqual(new Set(sections.map((s) => s.title)).size, sections.length, 'section titles are unique');
    const keys = declared.map(([k]) => k);
    assert.equal(new Set(keys).size, keys.length, 'a setting is declared twice');
  });

  it('each have a scope that fits what they govern', () => {
    const allowed = new Set(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable']);
    for (const [key, schema] of declared) {
      assert.ok(schema.scope && allowed.has(schema.scope), `${key} has scope ${schema.scope}`);
      assert.ok(schema.description, `${key} has no description`);
    }
    const scope = (key: string) => declared.find(([k]) => k === `crimeAnnotator.${key}`)![1].scope;
    // Which files a folder holds and where its lexicon and marks live differ per folder.
    for (const key of ['workspace.include', 'workspace.exclude', 'workspace.lexiconFile', 'workspace.referenceFiles', 'review.annotationsFile'])
      assert.equal(scope(key), 'resource', key);
    // Who you are does not change with the folder, and a shared .vscode/settings.json must not set it.
    assert.equal(scope('review.author'), 'application');
  });

  it('take their defaults from package.json only: reading with nothing set gives exactly the manifest defaults', () => {
    const asked: string[] = [];
    const config = readConfig((key) => (asked.push(key), undefined));
    const read = new Map(flatten(config));
    const manifestDefaults = new Map(declared.map(([k, s]) => [k.slice('crimeAnnotator.'.length), s.default]));
    assert.deepEqual([...read.keys()].sort(), [...manifestDefaults.keys()].sort(), 'the config object mirrors the contributed keys, none missing, none extra');
    assert.deepEqual([...new Set(asked)].sort(), [...manifestDefaults.keys()].sort(), 'every contributed setting is read, and nothing else');
    for (const [key, value] of manifestDefaults) assert.deepEqual(read.get(key), value, key);
    assert.equal(settingSchemas.size, manifestDefaults.size);
  });

  it('have defaults that satisfy their own schema (type, enum, range)', () => {
    for (const [key, schema] of settingSchemas) assert.equal(invalidReason(key, schema.default), undefined, key);
  });

  it('pass a valid value through and replace an invalid one by the default, saying which and why', () => {
    const problems: InvalidSetting[] = [];
    const set: Record<string, unknown> = {
      'analysis.delay': 'fast',
      'analysis.trigger': 'onSave',
      'analysis.maxFileSize': 10,
      'tally.scope': 'galaxy',
      'workspace.exclude': ['**/drafts/**', 3],
      'highlights.figures': false,
      'review.author': 42,
    };
    const config = readConfig(
      (key) => set[key],
      (p) => problems.push(p),
    );
    assert.equal(config.analysis.trigger, 'onSave');
    assert.equal(config.highlights.figures, false);
    assert.equal(config.analysis.delay, 300);
    assert.equal(config.analysis.maxFileSize, 5242880, 'below the minimum');
    assert.equal(config.tally.scope, 'workspace');
    assert.deepEqual(config.workspace.exclude, settingSchemas.get('workspace.exclude')!.default);
    assert.equal(config.review.author, '');
    assert.deepEqual(problems.map((p) => [p.key, p.reason]).sort(), [
      ['analysis.delay', 'expected a number'],
      ['analysis.maxFileSize', 'below the minimum of 1024'],
      ['review.author', 'expected a string'],
      ['tally.scope', 'expected one of "file", "openEditors", "workspace"'],
      ['workspace.exclude', 'expected a list of strings'],
    ]);
  });
});
