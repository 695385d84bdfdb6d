import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempWorkspace, type TempWorkspace } from './testing/tempWorkspace';

// 80 Chinese characters: 240 bytes in UTF-8, 243 with ".md", near NAME_MAX (255).
const longName = `${'新闻稿件标题很长的中文名字'.repeat(7).slice(0, 80)}.md`;

let workspace: TempWorkspace;
beforeEach(async () => {
  workspace = await openTempWorkspace('long-names', { [longName]: 'draft\n' });
});
afterEach(() => workspace.close());

describe('a file name near NAME_MAX', () => {
  it('saves an article whose name is 243 bytes (the temp name has a fixed, short length)', async () => {
    expect(Buffer.byteLength(longName)).toBe(243);
    const h = workspace.handlers();
    const opened = await h['article.open']({ path: longName });
    const result = await h['article.save']({
      path: longName,
      text: 'final\n',
      format: opened.format,
      baseStamp: opened.stamp,
      overwrite: false,
    });
    expect(result.status).toBe('saved');
    expect(readFileSync(path.join(workspace.root, longName), 'utf8')).toBe('final\n');
    expect(readdirSync(workspace.root)).toEqual([longName]);
  });
});
