import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextEncodingName } from '../../shared/ipc/contract';
import { openTempWorkspace, type TempWorkspace } from './testing/tempWorkspace';

// Fixtures made by Python's codecs (tests/fixtures/encodings/README.md), and the same files after
// one edit, encoded again by Python: what a byte-exact save must write.
const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/encodings');

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('encodings', {});
});
afterEach(() => workspace.close());

/** What the writer does: open, change one character in the editor (which works with LF), save. */
async function editOneCharacter(
  name: string,
  from: string,
  to: string,
  encoding?: TextEncodingName,
): Promise<{ file: string; format: unknown }> {
  const file = path.join(workspace.root, name);
  writeFileSync(file, readFileSync(path.join(fixtures, name)));
  const handlers = workspace.handlers();
  const opened = await handlers['article.open']({ path: name, encoding });
  const inEditor = opened.text.replace(/\r\n?/g, '\n');
  expect(inEditor).toContain(from);
  const saved = await handlers['article.save']({
    path: name,
    text: inEditor.replace(from, to),
    format: opened.format,
    baseStamp: opened.stamp,
    overwrite: false,
  });
  expect(saved.status).toBe('saved');
  return { file, format: opened.format };
}

/** `cmp -l`: one line per differing byte (offset, old, new); a length change is reported too. */
function cmp(original: string, saved: string): { differing: number[]; sameLength: boolean } {
  const run = spawnSync('cmp', ['-l', original, saved], { encoding: 'utf8' });
  const differing = run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => Number(line.trim().split(/\s+/)[0]));
  return { differing, sameLength: !/EOF/.test(run.stderr) };
}

describe('byte-exact round trip: open, edit one character, save', () => {
  it.each([
    ['utf8.md', '新', '旧', { encoding: 'utf-8', bom: false, eol: '\n' }, 3],
    ['utf8-bom.md', '新', '旧', { encoding: 'utf-8', bom: true, eol: '\n' }, 3],
    ['utf16le-bom.md', '新', '旧', { encoding: 'utf-16le', bom: true, eol: '\n' }, 2],
    ['utf16be-bom.md', '新', '旧', { encoding: 'utf-16be', bom: true, eol: '\n' }, 2],
    ['gb18030.md', '新', '旧', { encoding: 'gb18030', bom: false, eol: '\n' }, 2],
    ['big5.md', '新', '舊', { encoding: 'big5', bom: false, eol: '\n' }, 2],
    ['crlf.md', '新', '旧', { encoding: 'utf-8', bom: false, eol: '\r\n' }, 3],
    ['mixed-eol.md', '新', '旧', { encoding: 'utf-8', bom: false, eol: '\r\n' }, 3],
    ['cr-only.md', '新', '旧', { encoding: 'gb18030', bom: false, eol: '\r' }, 2],
    ['gbk-euro.md', '新', '旧', { encoding: 'gb18030', bom: false, eol: '\n' }, 2],
  ] as const)(
    '%s: only the edited character differs (cmp), as Python encodes it',
    async (name, from, to, format, charBytes) => {
      const { file, format: opened } = await editOneCharacter(name, from, to);
      expect(opened).toEqual(format);
      const saved = readFileSync(file);
      expect(saved.equals(readFileSync(path.join(fixtures, 'edited', name)))).toBe(true);
      const { differing, sameLength } = cmp(path.join(fixtures, name), file);
      expect(sameLength).toBe(true);
      expect(differing.length).toBeGreaterThan(0);
      expect(Math.max(...differing) - Math.min(...differing)).toBeLessThan(charBytes);
    },
  );
});
