// A two-folder workspace (a .code-workspace file): each folder has its own releases, the south folder
// its own lexicon, and the two folders disagree on one week's arrests. Our own invented wording.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const lexicon = { organisations: [{ id: 'kent-drugs-unit', canonical: 'Kent Drugs Unit', type: 'regional-unit', aliases: [{ text: 'KDU', match: 'exact' }] }] };
const files = {
  'north/kent-week.crime.txt':
    'Kent Police said officers made 290 arrests during the week of action from 9 to 15 October 2023.\n\nOfficers of the KDU seized 4kg of cocaine in Dover on 3 March 2024.\n',
  'north/terms.json': JSON.stringify(lexicon),
  'north/later.news': 'Kent Police made 330 arrests during the week of action from 9 to 15 October 2023.\n',
  'south/kent-roundup.crime.txt':
    'Kent Police made 310 arrests during the week of action from 9 to 15 October 2023.\n\nOfficers of the KDU seized 2kg of heroin in Margate on 4 March 2024.\n',
  'south/.crime-annotator/lexicon.json': JSON.stringify(lexicon),
  'two-folders.code-workspace': JSON.stringify({ folders: [{ path: 'north' }, { path: 'south' }], settings: {} }, null, 2),
};

/** Writes the workspace under `dir`; returns the .code-workspace file to open. */
exports.makeWorkspace = (dir) => {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return path.join(dir, 'two-folders.code-workspace');
};
