/**
 * Runs the W3C Web Annotation Data Model test schemas (w3c/web-annotation-tests, kept outside the
 * project in ../shared/peer-suites) the way their harness (annotation-model/scripts/JSONtest.js)
 * runs them: each `.test` file lists assertion schemas, each is validated against the input, its
 * `expectedResult` decides pass or fail and `onUnexpectedResult` may stop the rest of its list.
 *
 * The schemas are JSON Schema draft-04. ajv 8 (a devDependency) speaks draft-07, so each schema is
 * translated on load: `id` becomes `$id`, `$schema` is dropped and a boolean `exclusiveMinimum`
 * becomes the draft-06 number form. The two formats the schemas use are defined here as
 * ajv-formats defines them: `uri` is an absolute URI (a scheme, then only URI characters, `%`
 * followed by two hex digits), `date-time` is RFC 3339 with a time zone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

export const w3cSuiteDir = path.resolve(__dirname, '../../../shared/peer-suites/w3c-web-annotation-tests');

export function w3cSuiteAvailable(): boolean {
  return fs.existsSync(path.join(w3cSuiteDir, 'annotations', 'annotationMusts.test'));
}

export interface AssertionResult {
  readonly file: string;
  readonly title: string;
  readonly assertionType: string;
  readonly passed: boolean;
  readonly skipped: boolean;
  readonly errors: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** draft-04 → what ajv 8 reads. Property names (keys under `properties`) are left alone. */
function toDraft07(schema: Json, underProperties = false): Json {
  if (Array.isArray(schema)) return schema.map((s) => toDraft07(s));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (underProperties) {
      out[key] = toDraft07(value);
      continue;
    }
    if (key === '$schema') continue;
    if (key === 'id' && typeof value === 'string') {
      out.$id = value;
      continue;
    }
    const holdsNames = key === 'properties' || key === 'patternProperties' || key === 'definitions';
    out[key] = toDraft07(value, holdsNames);
  }
  if (out.exclusiveMinimum === true && typeof out.minimum === 'number') {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  } else if (out.exclusiveMinimum === false) delete out.exclusiveMinimum;
  if (out.exclusiveMaximum === true && typeof out.maximum === 'number') {
    out.exclusiveMaximum = out.maximum;
    delete out.maximum;
  } else if (out.exclusiveMaximum === false) delete out.exclusiveMaximum;
  return out;
}

const uriChars = /^[a-z][a-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const dateTime = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

export class W3CAnnotationSuite {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, { schema: Record<string, Json>; validate: ValidateFunction }>();

  constructor(private readonly dir = w3cSuiteDir) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    this.ajv.addFormat('uri', (s: string) => uriChars.test(s));
    this.ajv.addFormat('date-time', (s: string) => dateTime.test(s));
    for (const name of fs.readdirSync(path.join(dir, 'definitions')).filter((f) => f.endsWith('.json'))) {
      this.ajv.addSchema(toDraft07(readJson(path.join(dir, 'definitions', name))) as object);
    }
  }

  /** The assertion files a `.test` lists, flattened in order (both MUST lists are flat). */
  assertionsOf(testFile: string): string[] {
    const test = readJson(path.join(this.dir, testFile)) as { assertions: Json[] };
    const flat = (list: Json[]): string[] => list.flatMap((a) => (Array.isArray(a) ? flat(a) : typeof a === 'string' ? [a] : []));
    return flat(test.assertions);
  }

  /** Every assertion of `testFile` against `input`, as the harness reports them. */
  run(testFile: string, input: unknown): AssertionResult[] {
    const results: AssertionResult[] = [];
    let action: 'continue' | 'skip' | 'abort' = 'continue';
    for (const file of this.assertionsOf(testFile)) {
      const { schema, validate } = this.load(file);
      const title = String(schema.title ?? file);
      const assertionType = String(schema.assertionType ?? '');
      if (action !== 'continue') {
        results.push({ file, title, assertionType, passed: false, skipped: true, errors: '' });
        continue;
      }
      const valid = validate(input) as boolean;
      const passed = (schema.expectedResult ?? 'valid') === 'valid' ? valid : !valid;
      if (!passed) {
        const on = String(schema.onUnexpectedResult ?? 'failAndContinue');
        action = on.endsWith('Abort') ? 'abort' : on.endsWith('Skip') ? 'skip' : 'continue';
      }
      results.push({
        file,
        title,
        assertionType,
        passed,
        skipped: false,
        errors: passed ? '' : String(schema.errorMessage ?? this.ajv.errorsText(validate.errors)),
      });
    }
    return results;
  }

  private load(file: string): { schema: Record<string, Json>; validate: ValidateFunction } {
    let entry = this.compiled.get(file);
    if (!entry) {
      const raw = readJson(path.join(this.dir, file)) as Record<string, Json>;
      const translated = toDraft07(raw) as Record<string, Json>;
      // Assertion ids are bare file names that may repeat across folders; compile each one anonymously.
      delete translated.$id;
      entry = { schema: raw, validate: this.ajv.compile(translated) };
      this.compiled.set(file, entry);
    }
    return entry;
  }
}

/**
 * The MUST assertions a serialised annotations file fails: the page against the page tests, each
 * annotation (with the page's `@context` copied onto it, as the harness's README says) against the
 * annotation tests. Empty when the file conforms.
 */
export function mustFailures(suite: W3CAnnotationSuite, file: Record<string, unknown>): string[] {
  const failures: string[] = [];
  const report = (where: string, results: AssertionResult[]) => {
    for (const r of results) if (r.assertionType === 'must' && !r.passed) failures.push(`${where}: ${r.file}${r.skipped ? ' (skipped)' : ''}: ${r.errors}`);
  };
  report('page', suite.run('collections/pages/pageMusts.test', file));
  const items = Array.isArray(file.items) ? file.items : [];
  const first = file.first as { items?: unknown } | undefined;
  const annotations = items.length > 0 ? items : Array.isArray(first?.items) ? first.items : [];
  for (const [i, item] of annotations.entries()) {
    report(`annotation ${i + 1}`, suite.run('annotations/annotationMusts.test', { '@context': file['@context'], ...(item as object) }));
  }
  return failures;
}
