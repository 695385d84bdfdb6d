import { readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  historyTexts,
  openAndSave,
  openTempWorkspace,
  type TempWorkspace,
} from './testing/tempWorkspace';

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('rename', {
    'election.md': 'lower draft\n',
    'Election.md': 'the other article\n',
  });
});
afterEach(() => workspace.close());

const read = (name: string): string => readFileSync(path.join(workspace.root, name), 'utf8');

describe('renames compare file identity, never names', () => {
  it('refuses to rename election.md to Election.md when that is another article, and keeps both histories', async () => {
    const h = workspace.handlers();
    await openAndSave(h, 'election.md', 'lower v2\n');
    await openAndSave(h, 'Election.md', 'other v2\n');
    await expect(
      h['article.rename']({ path: 'election.md', name: 'Election.md' }),
    ).rejects.toMatchObject({
      code: 'exists',
    });
    expect(read('election.md')).toBe('lower v2\n');
    expect(read('Election.md')).toBe('other v2\n');
    expect(await historyTexts(h, 'Election.md')).toEqual(['other v2\n', 'the other article\n']);
    expect(await historyTexts(h, 'election.md')).toEqual(['lower v2\n', 'lower draft\n']);
  });

  it('allows the case-only rename of the same file (a case-insensitive disk, through an injected identity check)', async () => {
    // On a case-insensitive disk `Election.md` names this very file. Here the other article is
    // replaced by a link standing for that second spelling, and the identity check says "same file".
    const ws = workspace.root;
    rmSync(path.join(ws, 'Election.md'));
    symlinkSync('election.md', path.join(ws, 'Election.md'));
    const h = workspace.handlers({ sameFile: async () => true });
    await openAndSave(h, 'election.md', 'lower v2\n');
    expect(await h['article.rename']({ path: 'election.md', name: 'Election.md' })).toEqual({
      path: 'Election.md',
    });
    expect(readdirSync(ws)).toEqual(['Election.md']);
    expect(read('Election.md')).toBe('lower v2\n');
    expect(await historyTexts(h, 'Election.md')).toEqual(['lower v2\n', 'lower draft\n']);
  });

  it("a rename onto a path with an earlier article's history sets that history aside, never deletes it", async () => {
    const h = workspace.handlers();
    await openAndSave(h, 'Election.md', 'other v2\n');
    // That article is deleted outside Byline; its history stays keyed to the path.
    rmSync(path.join(workspace.root, 'Election.md'));
    await openAndSave(h, 'election.md', 'lower v2\n');
    await h['article.rename']({ path: 'election.md', name: 'Election' });
    expect(await historyTexts(h, 'Election.md')).toEqual(['lower v2\n', 'lower draft\n']);
    // The deleted article's snapshots were set aside, not deleted: all four are still in app data.
    const blobs = readdirSync(path.join(workspace.dataDir, 'history'), { recursive: true })
      .map(String)
      .filter((n) => n.endsWith('.snap'));
    expect(blobs).toHaveLength(4);
  });
});
