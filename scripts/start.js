// `npm start`: opens samples/ in a real VS Code with the working tree's extension loaded.
// Desktop VS Code when `code` is on PATH; otherwise code-server on 127.0.0.1, printing the URL to open
// in a browser, until Ctrl+C. The extension is linked, not copied: after `npm run watch` rebuilds,
// "Developer: Reload Window" picks the change up.
//   --code-server   use code-server even when `code` is on PATH
//   --port N        listen on port N (default: a free port)
//   --smoke         start code-server, check the workbench answers HTTP 200, stop, exit 0 (for CI)
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./lib/code-server');

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const forceCodeServer = smoke || args.includes('--code-server');
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;
const SAMPLES = path.join(cs.REPO_ROOT, 'samples');

function hasDesktopCode() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

function startDesktop() {
  console.log(`start: opening ${SAMPLES} in desktop VS Code with the extension from ${cs.REPO_ROOT}`);
  const result = spawnSync('code', [`--extensionDevelopmentPath=${cs.REPO_ROOT}`, SAMPLES], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}

/** Links the working tree in as an installed extension (copies it where links are not possible). */
function linkExtension(extensionsDir) {
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const target = path.join(extensionsDir, `${cs.EXTENSION_ID}-${cs.manifest.version}`);
  try {
    fs.symlinkSync(cs.REPO_ROOT, target, 'dir');
  } catch {
    cs.installExtensionFolder(extensionsDir);
  }
}

async function startCodeServer() {
  if (!fs.existsSync(path.join(cs.REPO_ROOT, cs.manifest.main))) throw new Error('dist/ is missing: run `npm run build` first');
  // Smoke runs leave nothing behind; interactive runs keep settings and window state between starts.
  const base = smoke ? cs.makeTempDir('start') : path.join(cs.CACHE, 'start');
  const extensionsDir = path.join(base, 'ext');
  const userDataDir = path.join(base, 'ud');
  linkExtension(extensionsDir);
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) cs.writeUserSettings(userDataDir);

  const server = await cs.startCodeServer({ extensionsDir, userDataDir, folder: SAMPLES, port: portArg });
  let stopping = false;
  const stop = async () => {
    stopping = true;
    server.stop();
    await server.exited;
    if (smoke) fs.rmSync(base, { recursive: true, force: true });
  };

  if (smoke) {
    const status = await cs.httpStatus(server.workbenchUrl);
    await stop();
    if (status !== 200) throw new Error(`the workbench answered HTTP ${status}, not 200`);
    console.log(`start --smoke: workbench answered 200 at ${server.workbenchUrl}; stopped`);
    return;
  }

  console.log(`\nCrime Annotator is running in VS Code (code-server ${server.url}).`);
  console.log(`Open: ${server.workbenchUrl}`);
  console.log('Press Ctrl+C to stop.\n');
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.log('\nstart: stopping code-server');
      stop().then(() => process.exit(0));
    });
  }
  await server.exited;
  if (stopping) return;
  console.error('start: code-server exited');
  console.error(server.output().slice(-2000));
  process.exitCode = 1;
}

if (!forceCodeServer && hasDesktopCode()) {
  startDesktop();
} else {
  startCodeServer().catch((e) => {
    console.error(`start: ${e.message}`);
    process.exitCode = 1;
  });
}
