import { describe, expect, it } from 'vitest';
import { candidateNames } from './useArticleDrop';

describe('candidateNames', () => {
  it('keeps the dropped name, then numbers it', () => {
    expect(candidateNames('报道 (终稿).md', 3)).toEqual([
      '报道 (终稿).md',
      '报道 (终稿)-2.md',
      '报道 (终稿)-3.md',
    ]);
    expect(candidateNames('notes.markdown', 1)).toEqual(['notes.md']);
  });

  it('is always one harmless path segment', () => {
    expect(candidateNames('../../etc/passwd.md', 1)).toEqual(['-..-etc-passwd.md']);
    expect(candidateNames('..md', 1)).toEqual(['article.md']);
    expect(candidateNames('a\\b:c.md', 1)).toEqual(['a-b-c.md']);
  });
});
