// Types for code-server.js, so the TypeScript e2e tests can drive the same launcher.
import type { Browser, Page } from 'playwright-core';

export interface CodeServer {
  readonly port: number;
  readonly url: string;
  readonly workbenchUrl: string;
  output(): string;
  stop(): void;
  readonly exited: Promise<void>;
}

export const REPO_ROOT: string;
export const CACHE: string;
export const EXTENSION_ID: string;
export function ensureTestEnv(): void;
export function makeTempDir(prefix: string): string;
export function installExtensionFolder(extensionsDir: string): string;
export function writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): void;
export function makeWorkspaceCopy(): string;
export function httpStatus(url: string): Promise<number>;
export function startCodeServer(options: {
  extensionsDir: string;
  userDataDir: string;
  folder: string;
  env?: Record<string, string>;
  port?: number;
  log?: boolean;
}): Promise<CodeServer>;
export function launchBrowser(): Promise<Browser>;
export function openWorkbench(browser: Browser, server: CodeServer, size?: { width?: number; height?: number }): Promise<Page>;
export function readExtensionHostLogs(userDataDir: string): string;
