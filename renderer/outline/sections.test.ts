import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges, articleSections, currentSectionIndex, moveSection } from './sections';

const sample = readFileSync(
  path.join(import.meta.dirname, '../../tests/fixtures/workbench-e2e/posts/article-zh-hugo.md'),
  'utf8',
);

const article = [
  '---',
  'title: "# not a heading"',
  '---',
  '',
  '# Title',
  '',
  'Intro.',
  '',
  '## One',
  '',
  'First.',
  '',
  '```',
  '## code, not a heading',
  '```',
  '',
  '### One.a',
  '',
  'Sub.',
  '',
  '## Two',
  '',
  'Second.',
  '',
  'Setext two',
  '----------',
  '',
  'Last.',
].join('\n');

const titles = (text: string): string[] => articleSections(text).map((s) => s.title);

describe('articleSections', () => {
  it('finds ATX and setext headings in the body, not in front matter or code', () => {
    const sections = articleSections(article);
    expect(sections.map((s) => [s.level, s.title, s.line])).toEqual([
      [1, 'Title', 5],
      [2, 'One', 9],
      [3, 'One.a', 17],
      [2, 'Two', 21],
      [2, 'Setext two', 25],
    ]);
  });

  it('lets a section run to the next heading of its level or higher, subsections included', () => {
    const [title, one, sub, two, setext] = articleSections(article);
    expect(title!.to).toBe(article.length);
    expect(article.slice(one!.from, one!.to)).toMatch(/^## One\n[\s\S]*### One\.a\n\nSub\.\n\n$/);
    expect(sub!.to).toBe(two!.from);
    expect(two!.to).toBe(setext!.from);
    expect(setext!.to).toBe(article.length);
  });

  it('reads the sample article: three sections and the references', () => {
    expect(titles(sample)).toEqual([
      'AI权力博弈：OpenAI与微软的冰点联盟',
      '从实验室到国防：AI军备竞赛的新前线',
      '技术自主与社会影响：AI未来的十字路口',
      'References',
    ]);
  });

  it('strips closing hashes and allows an empty heading', () => {
    expect(articleSections('## Closed ##\n\n#\n').map((s) => s.title)).toEqual(['Closed', '']);
  });
});

describe('currentSectionIndex', () => {
  it('is the last heading at or above the cursor line', () => {
    const sections = articleSections(article);
    expect(currentSectionIndex(sections, 1)).toBe(-1);
    expect(currentSectionIndex(sections, 9)).toBe(1);
    expect(currentSectionIndex(sections, 19)).toBe(2);
    expect(currentSectionIndex(sections, 100)).toBe(4);
  });
});

describe('moveSection', () => {
  const move = (
    text: string,
    moving: number,
    target: number,
    place: 'before' | 'after',
  ): string | null => {
    const changes = moveSection(text, articleSections(text), moving, target, place);
    return changes && applyChanges(text, changes);
  };

  it('moves a section with its subsections before another, leaving the front matter alone', () => {
    const moved = move(article, 3, 1, 'before');
    expect(titles(moved!)).toEqual(['Title', 'Two', 'One', 'One.a', 'Setext two']);
    expect(moved!.startsWith('---\ntitle: "# not a heading"\n---\n')).toBe(true);
    expect(moved!.length).toBe(article.length);
    expect(moved).toContain('Second.\n\n## One\n\nFirst.');
  });

  it('moves the last section (no final newline) up, and the text still ends without one', () => {
    const moved = move(article, 4, 1, 'before');
    expect(titles(moved!)).toEqual(['Title', 'Setext two', 'One', 'One.a', 'Two']);
    expect(moved).toContain('Setext two\n----------\n\nLast.\n\n## One');
    expect(moved!.endsWith('Second.\n')).toBe(true);
  });

  it('moves a section to the end, separated by a blank line', () => {
    const moved = move(article, 1, 4, 'after');
    expect(titles(moved!)).toEqual(['Title', 'Two', 'Setext two', 'One', 'One.a']);
    expect(moved).toContain('Last.\n\n## One\n\nFirst.');
  });

  it('refuses to move a section into itself, and ignores moves to where it already is', () => {
    expect(move(article, 1, 2, 'after')).toBeNull();
    expect(move(article, 0, 3, 'before')).toBeNull();
    expect(move(article, 1, 3, 'before')).toBeNull();
    expect(move(article, 3, 2, 'after')).toBeNull();
  });

  it('reorders the sample article and keeps every line', () => {
    const moved = move(sample, 2, 0, 'before')!;
    expect(titles(moved).slice(0, 3)).toEqual([
      '技术自主与社会影响：AI未来的十字路口',
      'AI权力博弈：OpenAI与微软的冰点联盟',
      '从实验室到国防：AI军备竞赛的新前线',
    ]);
    const lines = (text: string): string[] => text.split('\n').filter(Boolean).sort();
    expect(lines(moved)).toEqual(lines(sample));
  });
});
