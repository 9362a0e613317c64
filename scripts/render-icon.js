// Renders media/icon.svg to media/icon.png (128x128), the Marketplace icon, with the same headless
// Chromium the tests use. Run after editing the SVG: `node scripts/render-icon.js`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./lib/code-server');

async function main() {
  const svg = fs.readFileSync(path.join(cs.REPO_ROOT, 'media', 'icon.svg'), 'utf8');
  const browser = await cs.launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(cs.REPO_ROOT, 'media', 'icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`render-icon: wrote ${path.relative(cs.REPO_ROOT, out)}`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
