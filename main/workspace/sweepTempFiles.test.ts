import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFilesInFlight } from '../files/atomicWrite';
import { thisHost } from '../files/tempName';
import { sweepTempFiles } from './sweepTempFiles';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'byline-sweep-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const hour = 60 * 60 * 1000;
const tempOf = (host: string, pid: number, tag = '0badc0de'): string =>
  `.~byline-${host}-${pid.toString(36)}-${tag}.tmp`;

function put(relative: string, ageMs = 0): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'partial');
  const time = new Date(Date.now() - ageMs);
  utimesSync(file, time, time);
  return file;
}

const left = (): string[] =>
  readdirSync(root, { recursive: true })
    .map(String)
    .filter((name) => path.basename(name).startsWith('.'))
    .sort();

describe('sweepTempFiles', () => {
  it('removes leftovers of dead writers at once and leaves articles alone', async () => {
    const deadPid = 999_999;
    put(`posts/${tempOf(thisHost, deadPid)}`);
    put(`posts/${tempOf(thisHost, process.pid, '00000001')}`);
    put('posts/article.md');
    put('posts/.notes.md');
    const removed = await sweepTempFiles(root, { isRunning: (pid) => pid !== deadPid });
    expect(removed.map((f) => path.basename(f)).sort()).toEqual(
      [tempOf(thisHost, deadPid), tempOf(thisHost, process.pid, '00000001')].sort(),
    );
    expect(left()).toEqual(['posts/.notes.md']);
  });

  it("never touches another running instance's write in flight, nor this process's own", async () => {
    // The parent process (vitest's) is running: it stands for a second Byline on this machine.
    const other = tempOf(thisHost, process.ppid);
    put(other);
    const mine = put(tempOf(thisHost, process.pid, '00000002'));
    tempFilesInFlight.add(mine);
    try {
      expect(await sweepTempFiles(root)).toEqual([]);
    } finally {
      tempFilesInFlight.delete(mine);
    }
    // Once a write of a running instance is older than any write takes, it is a leftover too;
    // this process's own temp file is one as soon as its write is over.
    put(other, 2 * hour);
    expect((await sweepTempFiles(root)).sort()).toEqual([path.join(root, other), mine].sort());
  });

  it('removes temp files of other hosts and of earlier versions only when old', async () => {
    const foreign = tempOf('abcdef' === thisHost ? 'fedcba' : 'abcdef', 42);
    const legacy = '.article.md.0123456789ab.byline-tmp';
    put(foreign);
    put(legacy);
    expect(await sweepTempFiles(root)).toEqual([]);
    put(foreign, 2 * hour);
    put(legacy, 2 * hour);
    expect((await sweepTempFiles(root)).length).toBe(2);
    expect(left()).toEqual([]);
  });

  it('does not walk into dot folders or node_modules', async () => {
    const dead = tempOf(thisHost, 999_998);
    put(`.git/${dead}`);
    put(`node_modules/pkg/${dead}`);
    expect(await sweepTempFiles(root, { isRunning: () => false })).toEqual([]);
  });
});
