import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BylineServer {
  /** The URL printed by browser mode, token included. */
  url: string;
  origin: string;
  token: string;
  workspace: string;
  dataDir: string;
  close(): Promise<void>;
  /** Kill the server with SIGKILL (a crash), keeping its workspace and data folder for `restartOf`. */
  crash(): Promise<void>;
}

export interface StartOptions {
  /** Fixtures under tests/fixtures: a folder's contents (or a single file) are copied into the workspace root. */
  fixtures?: string[];
  /** Start with no workspace chosen (first run): the default workspace is created in documentsDir. */
  firstRun?: boolean;
  locale?: string;
  /** Start on a crashed server's workspace and data folder, as a restart after a crash would. */
  restartOf?: BylineServer;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Starts the real browser-mode server (dist/main/web.mjs) on a temp workspace and data folder. */
export async function startByline(options: StartOptions = {}): Promise<BylineServer> {
  const base = options.restartOf
    ? path.dirname(options.restartOf.dataDir)
    : mkdtempSync(path.join(os.tmpdir(), 'byline-e2e-'));
  const workspace = options.restartOf?.workspace ?? path.join(base, 'workspace');
  const dataDir = path.join(base, 'data');
  const documentsDir = path.join(base, 'documents');
  mkdirSync(workspace, { recursive: true });
  for (const fixture of options.restartOf ? [] : (options.fixtures ?? [])) {
    const source = path.join(repoRoot, 'tests/fixtures', fixture);
    const target = statSync(source).isDirectory()
      ? workspace
      : path.join(workspace, path.basename(fixture));
    cpSync(source, target, { recursive: true });
  }
  const args = [
    path.join(repoRoot, 'dist/main/web.mjs'),
    '--data-dir',
    dataDir,
    '--documents-dir',
    documentsDir,
  ];
  if (!options.firstRun) args.push('--workspace', workspace);
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, BYLINE_LOCALE: options.locale ?? 'en-US' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child);
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    workspace: options.firstRun ? path.join(documentsDir, 'Byline') : workspace,
    dataDir,
    async close() {
      await stop(child);
      rmSync(base, { recursive: true, force: true });
    },
    async crash() {
      await stop(child, 'SIGKILL');
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${output}`)),
      // A bound for a hung start, not a speed check: at a load of 15 a cold start takes seconds.
      90_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
