import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('README', () => {
  it('documents every contributed command', () => {
    const missing = manifest.contributes.commands.map((c: { command: string }) => c.command).filter((id: string) => !readme.includes('`' + id + '`'));
    assert.deepEqual(missing, []);
  });

  it('documents every setting with its default', () => {
    const settings = (manifest.contributes.configuration as { properties: Record<string, { default: unknown }> }[]).flatMap((section) =>
      Object.entries(section.properties),
    );
    assert.ok(settings.length > 0);
    const missing = settings.filter(([key]) => !readme.includes('`' + key + '`')).map(([key]) => key);
    assert.deepEqual(missing, []);
    // The settings table gives each default as JSON; it must be the manifest's. Cells are padded (Prettier aligns tables).
    for (const [key, schema] of settings) {
      const row = new RegExp('^\\| `' + key.replace(/\./g, '\\.') + '` +\\| `([^`]*)` +\\|', 'm').exec(readme);
      assert.ok(row, `README has no settings-table row for ${key}`);
      assert.deepEqual(JSON.parse(row[1]!), schema.default, `README default of ${key}`);
    }
  });

  it('has a Quick start of exactly the two set-up commands', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Features'));
    const commands = [...quick.matchAll(/^(npm [^#\n]+?)\s*(#.*)?$/gm)].map((m) => m[1]);
    assert.deepEqual(commands, ['npm ci && npm start', 'npm ci && npm test']);
  });

  it('embeds screenshots that exist', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0);
    for (const image of images) assert.ok(fs.existsSync(path.join(root, image)), image);
  });
});
