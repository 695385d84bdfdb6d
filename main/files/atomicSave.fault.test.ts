import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepTempFiles } from '../workspace/sweepTempFiles';
import { parseTempName } from './tempName';
import { bundleChild } from './testSupport/bundleChild';
import { saveLoopVersions } from './testSupport/saveLoopVersions';

const kills = 220;
let dir: string;
let childScript: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'byline-fault-'));
  // One bundle, so each of the hundreds of child processes starts in plain Node in ~50 ms.
  childScript = await bundleChild(
    path.join(import.meta.dirname, 'testSupport/saveLoopChild.ts'),
    dir,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic saves under SIGKILL', () => {
  it(
    `leaves exactly the old or the new content after each of ${kills} kills mid-save, and no temp file survives the next workspace open`,
    // Each kill spawns a Node process: minutes on a shared machine under load, seconds otherwise.
    { timeout: 600_000 },
    async () => {
      const [a, b] = saveLoopVersions();
      const workspace = path.join(dir, 'workspace');
      rmSync(workspace, { recursive: true, force: true });
      const file = path.join(workspace, 'article.md');
      mkdirSync(workspace, { recursive: true });
      writeFileSync(file, a);
      const seen = { a: 0, b: 0 };
      for (let i = 0; i < kills; i++) {
        // Saves alternate a, b, a, …: a random count of completed saves (either parity) before the
        // kill, plus whatever part of the next save runs while the signal is on its way.
        await runAndKill(childScript, workspace, 'article.md', 1 + Math.floor(Math.random() * 6));
        const content = readFileSync(file, 'utf8');
        const whole = content === a || content === b;
        if (!whole)
          throw new Error(`kill ${i}: file has ${content.length} characters, neither version`);
        seen[content === a ? 'a' : 'b']++;
      }
      expect(seen.a + seen.b).toBe(kills);
      // Killed mid-save both ways: the loop really was interrupted at different points.
      expect(seen.a).toBeGreaterThan(0);
      expect(seen.b).toBeGreaterThan(0);
      // Temp files a kill leaves behind are dot files: never listed as articles...
      for (const name of readdirSync(workspace))
        expect(name === 'article.md' || parseTempName(name) !== null).toBe(true);
      // ...and the sweep at the next workspace open removes them: their writers are dead.
      await sweepTempFiles(workspace);
      expect(readdirSync(workspace)).toEqual(['article.md']);
    },
  );
});

function runAndKill(
  script: string,
  root: string,
  relativePath: string,
  savesBeforeKill: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, root, relativePath], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let saves = 0;
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      saves += chunk.toString().split('saved').length - 1;
      if (!killed && saves >= savesBeforeKill) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.once('error', reject);
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited on its own (${signal})`)),
    );
  });
}
