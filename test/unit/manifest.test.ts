import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The contributions a manifest mistake would silently break: a menu naming no command, a setting read but never declared. */
const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

const commandIds = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
const configKeys = new Set<string>(
  (contributes.configuration as { properties: Record<string, unknown> }[]).flatMap((section) => Object.keys(section.properties)),
);
const containerIds = new Set<string>(
  Object.values(contributes.viewsContainers as Record<string, { id: string }[]>)
    .flat()
    .map((c) => c.id),
);
const viewIds = new Set<string>(
  Object.values(contributes.views as Record<string, { id: string }[]>)
    .flat()
    .map((v) => v.id),
);
const submenuIds = new Set<string>((contributes.submenus ?? []).map((s: { id: string }) => s.id));
const colorIds = new Set<string>(contributes.colors.map((c: { id: string }) => c.id));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts)$/.test(e.name) ? [full] : [];
  });
}

/** 'crimeAnnotator.a.b.c' is read through the sections 'crimeAnnotator.a' and 'crimeAnnotator.a.b' too. */
function sectionsOf(key: string): string[] {
  const parts = key.split('.');
  const sections: string[] = [];
  for (let i = 2; i < parts.length; i++) sections.push(parts.slice(0, i).join('.'));
  return sections;
}

/** Ids of status-bar items, context keys and the like share the prefix; the call they are passed to says so. */
function namesSomethingElse(before: string): boolean {
  return /(?:createStatusBarItem|createDiagnosticCollection|createOutputChannel|createTreeView|registerTreeDataProvider|registerCommand|createWebviewPanel)\(\s*$|['"]setContext['"],\s*$/.test(
    before,
  );
}

/** Context keys appear in `when` clauses as bare words; collecting them lets the source scan tell them apart from settings. */
function contextKeysInManifest(): Set<string> {
  const whens: string[] = [];
  for (const items of Object.values(contributes.menus as Record<string, { when?: string }[]>)) for (const i of items) if (i.when) whens.push(i.when);
  for (const w of contributes.viewsWelcome ?? []) if (w.when) whens.push(w.when);
  // A walkthrough step can complete when a context key is set ("onContext:crimeAnnotator.x").
  for (const w of contributes.walkthroughs ?? [])
    for (const step of w.steps) for (const e of step.completionEvents ?? []) if (e.startsWith('onContext:')) whens.push(e.slice('onContext:'.length));
  return new Set(whens.flatMap((w) => w.match(/crimeAnnotator\.[A-Za-z]+(?![\w.])/g) ?? []));
}

describe('package.json contributions', () => {
  it('gives every command a title and the Crime Annotator category, with unique ids', () => {
    assert.equal(commandIds.size, contributes.commands.length, 'duplicate command id');
    for (const c of contributes.commands) {
      assert.ok(typeof c.title === 'string' && c.title.length > 0, `${c.command} has no title`);
      assert.equal(c.category, 'Crime Annotator', `${c.command} has category ${c.category}`);
      assert.match(c.command, /^crimeAnnotator\.[a-zA-Z]+$/);
    }
  });

  it('puts every view in a declared container and every welcome message on a declared view', () => {
    for (const container of Object.keys(contributes.views)) {
      assert.ok(container === 'explorer' || containerIds.has(container), `views container ${container} is not declared`);
    }
    assert.ok(viewIds.has('crimeAnnotator.tally') && viewIds.has('crimeAnnotator.checks'));
    for (const w of contributes.viewsWelcome) assert.ok(viewIds.has(w.view), `viewsWelcome names unknown view ${w.view}`);
  });

  it('names only declared commands, submenus and views in menus and welcome links', () => {
    for (const [menu, items] of Object.entries(contributes.menus as Record<string, { command?: string; submenu?: string; when?: string }[]>)) {
      for (const item of items) {
        if (item.command) assert.ok(commandIds.has(item.command), `menu ${menu} names unknown command ${item.command}`);
        if (item.submenu) assert.ok(submenuIds.has(item.submenu), `menu ${menu} names unknown submenu ${item.submenu}`);
        for (const view of item.when?.match(/view == ([\w.]+)/g) ?? []) {
          const id = view.replace('view == ', '');
          assert.ok(viewIds.has(id), `menu ${menu} names unknown view ${id}`);
        }
      }
    }
    for (const w of contributes.viewsWelcome) {
      for (const link of w.contents.match(/command:crimeAnnotator\.[\w]+/g) ?? []) {
        assert.ok(commandIds.has(link.slice('command:'.length)), `welcome link ${link} names no command`);
      }
    }
  });

  it('declares every crimeAnnotator setting the source reads', () => {
    const otherIds = new Set([...commandIds, ...viewIds, ...containerIds, ...submenuIds, ...colorIds, ...contextKeysInManifest()]);
    // 'crimeAnnotator.highlights' is read as a section in affectsConfiguration and getConfiguration.
    const sections = new Set([...configKeys].flatMap(sectionsOf));
    const undeclared: string[] = [];
    let settingsSeen = 0;
    for (const file of sourceFiles(path.join(root, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      const where = path.relative(root, file);
      for (const match of text.matchAll(/['"`](crimeAnnotator\.[A-Za-z.]+)['"`]/g)) {
        const literal = match[1];
        if (otherIds.has(literal) || namesSomethingElse(text.slice(Math.max(0, match.index - 60), match.index))) continue;
        if (configKeys.has(literal) || sections.has(literal)) settingsSeen++;
        else undeclared.push(`${where}: ${literal}`);
      }
      // getConfiguration('crimeAnnotator').get('section.key'), getConfiguration('crimeAnnotator.section').get('key'),
      // and a section held in a constant (`configSection = 'crimeAnnotator'`) read with get('section.key').
      const readSections = [...text.matchAll(/getConfiguration\(\s*['"`](crimeAnnotator(?:\.[A-Za-z.]+)?)['"`]/g)].map((m) => m[1]);
      if (/=\s*['"]crimeAnnotator['"]/.test(text)) readSections.push('crimeAnnotator');
      if (readSections.length === 0) continue;
      // Which section object a get() is called on is not visible to a regex: a key declared under any section the file reads is accepted.
      for (const [, key] of text.matchAll(/\b(?:get|update|inspect)(?:<[^>]*>)?\(\s*['"`]([A-Za-z][A-Za-z.]*)['"`]/g)) {
        if (readSections.some((section) => configKeys.has(`${section}.${key}`))) settingsSeen++;
        else undeclared.push(`${where}: ${readSections[0]}.${key}`);
      }
    }
    assert.deepEqual(undeclared, [], 'settings read in src/ but not contributed (or ids the manifest does not declare)');
    assert.ok(settingsSeen > 0, 'the scan found no setting at all; the patterns no longer match how src/ reads settings');
  });

  it('keeps the command id constants, when present, in step with the manifest', function () {
    const file = path.join(root, 'src/extension/commandIds.ts');
    if (!fs.existsSync(file)) this.skip();
    const ids = [...fs.readFileSync(file, 'utf8').matchAll(/['"](crimeAnnotator\.[A-Za-z]+)['"]/g)].map((m) => m[1]);
    const commandLike = ids.filter((id) => !viewIds.has(id) && !containerIds.has(id) && !contextKeysInManifest().has(id) && !configKeys.has(id));
    for (const id of commandLike) assert.ok(commandIds.has(id), `commandIds.ts has ${id}, which package.json does not contribute`);
    for (const id of commandIds) assert.ok(ids.includes(id), `package.json contributes ${id}, which commandIds.ts lacks`);
  });

  describe('the walkthrough', () => {
    const walkthroughs = (contributes.walkthroughs ?? []) as {
      id: string;
      title: string;
      description: string;
      steps: {
        id: string;
        title: string;
        description: string;
        media: { image?: string; altText?: string; markdown?: string; svg?: string };
        completionEvents?: string[];
      }[];
    }[];
    const shipped = fs
      .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1).trim());
    const globToRegExp = (glob: string) =>
      new RegExp(
        `^${glob
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*/g, '\u0000')
          .replace(/\*/g, '[^/]*')
          .replace(/\u0000/g, '.*')}$`,
      );
    const ships = (file: string) => shipped.some((glob) => globToRegExp(glob).test(file));

    it('takes a first-time user from the samples to an export, in five steps', () => {
      assert.equal(walkthroughs.length, 1);
      const [w] = walkthroughs;
      assert.ok(w!.title && w!.description);
      assert.deepEqual(
        w!.steps.map((s) => s.id),
        ['openSamples', 'hoverFigure', 'findConflict', 'markVerified', 'exportRecord'],
      );
      assert.equal(new Set(w!.steps.map((s) => s.id)).size, w!.steps.length);
    });

    it('gives every step a title, a description with a command link, media that exist and ship, and completion events', () => {
      for (const step of walkthroughs.flatMap((w) => w.steps)) {
        assert.ok(step.title && step.description, step.id);
        const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!);
        assert.ok(links.length > 0, `${step.id} has no button`);
        for (const id of links) assert.ok(commandIds.has(id), `${step.id} links to unknown command ${id}`);
        const files = [step.media.image, step.media.markdown, step.media.svg].filter((f): f is string => typeof f === 'string');
        assert.equal(files.length, 1, `${step.id} has one medium`);
        if (step.media.image) assert.ok(step.media.altText && step.media.altText.length > 10, `${step.id}'s image has no alt text`);
        for (const file of files) {
          assert.ok(fs.existsSync(path.join(root, file)), `${step.id}: ${file} does not exist`);
          assert.ok(ships(file), `${step.id}: ${file} is not let into the VSIX by .vscodeignore`);
        }
        assert.ok(step.completionEvents && step.completionEvents.length > 0, `${step.id} never completes`);
      }
    });

    it('completes steps only on events that exist: declared commands, views and context keys the source sets', () => {
      const sources = sourceFiles(path.join(root, 'src'))
        .map((f) => fs.readFileSync(f, 'utf8'))
        .join('\n');
      for (const step of walkthroughs.flatMap((w) => w.steps)) {
        for (const event of step.completionEvents ?? []) {
          const [kind, what] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
          if (kind === 'onCommand') assert.ok(commandIds.has(what), `${step.id}: ${event} names no command`);
          else if (kind === 'onView') assert.ok(viewIds.has(what), `${step.id}: ${event} names no view`);
          else if (kind === 'onContext')
            assert.ok(new RegExp(`setContext['"],\\s*['"]${what.replace(/\./g, '\\.')}['"]`).test(sources), `${step.id}: nothing sets the context key ${what}`);
          else assert.fail(`${step.id}: unexpected completion event ${event}`);
        }
      }
    });

    it('ships the samples its first step copies out of the extension', () => {
      const samples = fs.readdirSync(path.join(root, 'samples'));
      assert.ok(samples.includes('02-met-week-of-action.crime.txt'));
      for (const file of samples) assert.ok(ships(`samples/${file}`), `samples/${file} is not in the VSIX`);
    });
  });
});
