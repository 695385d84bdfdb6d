import { describe, expect, it } from 'vitest';
import { fuzzyScore, fuzzyTarget } from './fuzzyMatch';

const rank = (query: string, labels: string[][]): string[] =>
  labels
    .map((spellings) => ({
      label: spellings[0] ?? '',
      score: fuzzyScore(query, fuzzyTarget(...spellings)),
    }))
    .filter((entry) => entry.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    .map((entry) => entry.label);

describe('fuzzyScore', () => {
  it('matches Chinese labels by characters, full pinyin and pinyin initials', () => {
    const history = fuzzyTarget('版本历史');
    for (const query of ['版本', '历史', 'banbenlishi', 'lishi', 'bbls', 'bb ls', 'LiShi'])
      expect(fuzzyScore(query, history), query).not.toBeNull();
    expect(fuzzyScore('daochu', history)).toBeNull();
    expect(fuzzyScore('dc', fuzzyTarget('导出…'))).not.toBeNull();
  });

  it('matches English labels as in-order subsequences, ignoring case and spaces', () => {
    const saveAll = fuzzyTarget('Save All');
    for (const query of ['save all', 'saveall', 'sa', 'SAVE', 'svl', 'save-all'])
      expect(fuzzyScore(query, saveAll), query).not.toBeNull();
    expect(fuzzyScore('las', saveAll)).toBeNull();
  });

  it('ranks word starts and contiguous runs first', () => {
    const labels = [['Show or Hide Sidebar'], ['Save'], ['Save As…'], ['Version History']];
    expect(rank('sa', labels).slice(0, 2)).toEqual(['Save', 'Save As…']);
    expect(rank('hist', labels)[0]).toBe('Version History');
  });

  it('finds a Chinese label by its English name when both are given', () => {
    const exportTarget = fuzzyTarget('导出…', 'Export…');
    expect(fuzzyScore('export', exportTarget)).not.toBeNull();
    expect(fuzzyScore('dc', exportTarget)).not.toBeNull();
    expect(
      rank('dc', [
        ['导出…', 'Export…'],
        ['打印…', 'Print…'],
        ['版本历史', 'Version History'],
      ])[0],
    ).toBe('导出…');
  });

  it('an empty query matches everything equally', () => {
    expect(fuzzyScore('  ', fuzzyTarget('任何'))).toBe(0);
  });
});
