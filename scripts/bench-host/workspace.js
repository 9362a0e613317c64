// The workspace `npm run bench` opens in a real extension host: a 5 MB release, a release of one
// 2 MB line, and a corpus/ folder of 1,000 releases made from the samples (each moved to its own
// year) that the bench brings into the index by changing workspace.exclude, so its indexing is
// measured from the start.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const samplesDir = path.resolve(__dirname, '..', '..', 'samples');

exports.makeWorkspace = (dir) => {
  const root = path.join(dir, 'bench');
  const samples = fs
    .readdirSync(samplesDir)
    .filter((f) => /\.crime\.txt$/.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(samplesDir, f), 'utf8'));
  fs.mkdirSync(path.join(root, 'corpus'), { recursive: true });
  fs.mkdirSync(path.join(root, '.vscode'), { recursive: true });
  for (let i = 0; i < 1000; i++) {
    const round = Math.floor(i / samples.length);
    const text = samples[i % samples.length].replace(/\b20[12]\d\b/g, (y) => String(Number(y) + round));
    fs.writeFileSync(path.join(root, 'corpus', `r${String(i).padStart(4, '0')}.crime.txt`), text);
  }
  let big = '';
  for (let i = 0; big.length < 5_000_000; i++) big += samples[i % samples.length].replace(/\b20[12]\d\b/g, (y) => String(Number(y) + i)) + '\n\n';
  fs.writeFileSync(path.join(root, 'big-5mb.crime.txt'), big.slice(0, 5_000_000).replace(/[^\n]*$/, '') + '\n');
  let line = '';
  for (let i = 0; line.length < 2_000_000; i++) line += samples[i % samples.length].replace(/\s+/g, ' ') + ' ';
  fs.writeFileSync(path.join(root, 'one-line-2mb.crime.txt'), line.slice(0, 2_000_000).replace(/\S*$/, '') + '\n');
  fs.writeFileSync(path.join(root, '.vscode', 'settings.json'), JSON.stringify({ 'crimeAnnotator.workspace.exclude': ['**/corpus/**'] }, null, 2));
  return root;
};
