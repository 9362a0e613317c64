// A folder of notes that are not crime reports (no .crime file, no .crime-annotator folder):
// two-step activation decorates what is opened, and scans only when asked.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

exports.makeWorkspace = (dir) => {
  const root = path.join(dir, 'notes');
  fs.mkdirSync(path.join(root, 'more'), { recursive: true });
  fs.writeFileSync(path.join(root, 'meeting.md'), '# Meeting notes\n\nEssex Police seized £9,000 in cash from a car in Basildon.\n');
  fs.writeFileSync(path.join(root, 'more', 'todo.txt'), 'Ask the CPS how many of the 41 people charged were remanded in custody.\n');
  return root;
};
