import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../article/textChange';
import { analyzeCitations, indexArticleFootnotes } from './citationAnalysis';
import { planRenumber } from './renumber';

const sample = readFileSync(path.resolve('tests/fixtures/references/sample-article.md'), 'utf8');

/** For each citation in document order: the text of the definition it points at. */
function citedTexts(text: string): string[] {
  const footnotes = indexArticleFootnotes(text);
  const byLabel = new Map(footnotes.definitions.map((d) => [d.label, d.text]));
  return footnotes.references.map((r) => byLabel.get(r.label) ?? `<missing ${r.label}>`);
}

describe('references of the sample article', () => {
  it('lists 5 sources in order of first citation and flags the one never cited', () => {
    const { entries } = analyzeCitations(sample);
    expect(entries.map((e) => [e.label, e.number, e.references.length])).toEqual([
      ['1', 1, 9],
      ['4', 2, 1],
      ['3', 3, 1],
      ['5', 4, 1],
      ['2', null, 0],
    ]);
    const unused = entries.filter((e) => e.problems.some((p) => p.kind === 'unused-definition'));
    expect(unused.map((e) => e.label)).toEqual(['2']);
    expect(entries.every((e) => e.source !== null)).toBe(true);
  });

  it('renumbers 1..4 by first citation, keeps the unused one last, and every citation keeps its source', () => {
    const before = citedTexts(sample);
    const plan = planRenumber(sample);
    expect(plan.mapping).toEqual({ '1': '1', '4': '2', '3': '3', '5': '4', '2': '5' });
    expect(plan.unused).toEqual(['5']);
    const after = applyChanges(sample, plan.changes);

    const footnotes = indexArticleFootnotes(after);
    expect(footnotes.order).toEqual(['1', '2', '3', '4']);
    expect(footnotes.unusedDefinitions).toEqual(['5']);
    expect(footnotes.definitions.map((d) => d.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(footnotes.missingDefinitions).toEqual([]);

    // Old -> new: the i-th citation points at the same source text as before.
    const oldRefs = indexArticleFootnotes(sample).references;
    expect(footnotes.references.map((r) => r.label)).toEqual(
      oldRefs.map((r) => plan.mapping[r.label]),
    );
    expect(citedTexts(after)).toEqual(before);

    // Nothing lost: the same five definition texts, the unused one (old 2) at the end and still flagged.
    const oldDefinitions = indexArticleFootnotes(sample).definitions;
    expect([...footnotes.definitions.map((d) => d.text)].sort()).toEqual(
      oldDefinitions.map((d) => d.text).sort(),
    );
    expect(footnotes.definitions[4]?.text).toBe(oldDefinitions.find((d) => d.label === '2')?.text);
    const flagged = analyzeCitations(after).entries.find((e) => e.label === '5');
    expect(flagged?.problems.map((p) => p.kind)).toContain('unused-definition');

    // Only labels and the order of the references block changed.
    expect(after.length).toBe(sample.length);
    expect(after.slice(0, after.indexOf('## References'))).toBe(
      sample
        .slice(0, sample.indexOf('## References'))
        .replace(/\[\^(\d)\]/g, (_, l: string) => `[^${plan.mapping[l]}]`),
    );
  });

  it('is idempotent: a tidy article needs no changes', () => {
    const once = applyChanges(sample, planRenumber(sample).changes);
    expect(planRenumber(once).changes).toEqual([]);
  });
});

describe('planRenumber edge cases', () => {
  it('keeps named labels unless asked to convert them', () => {
    const text = 'A[^smith] B[^7] C[^smith].\n\n[^7]: Seven.\n[^smith]: Smith.\n';
    const kept = applyChanges(text, planRenumber(text).changes);
    expect(kept).toBe('A[^smith] B[^1] C[^smith].\n\n[^smith]: Smith.\n[^1]: Seven.\n');
    const converted = applyChanges(text, planRenumber(text, { convertNamedLabels: true }).changes);
    expect(converted).toBe('A[^1] B[^2] C[^1].\n\n[^1]: Smith.\n[^2]: Seven.\n');
  });

  it('gathers scattered definitions into the last block, keeps duplicates and multi-line definitions', () => {
    const text = [
      'First[^b] then[^a].',
      '',
      '[^a]: Alpha.',
      '',
      'More text.',
      '',
      '[^b]: Beta line one.',
      '    Beta continued.',
      '[^b]: Beta again.',
      '[^x]: Never cited.',
      '',
    ].join('\n');
    const after = applyChanges(text, planRenumber(text, { convertNamedLabels: true }).changes);
    expect(after).toBe(
      [
        'First[^1] then[^2].',
        '',
        'More text.',
        '',
        '[^1]: Beta line one.',
        '    Beta continued.',
        '[^1]: Beta again.',
        '[^2]: Alpha.',
        '[^3]: Never cited.',
        '',
      ].join('\n'),
    );
  });

  it('numbers citations without a definition too, so no new number collides with them', () => {
    const text = 'X[^9] Y[^2].\n\n[^2]: Two.\n';
    const after = applyChanges(text, planRenumber(text).changes);
    expect(after).toBe('X[^1] Y[^2].\n\n[^2]: Two.\n');
  });

  it('relabels a citation inside a definition and ignores code', () => {
    const text = 'See[^b] and `[^a]` and[^a].\n\n[^a]: Alpha, cf.[^b]\n[^b]: Beta.\n';
    const after = applyChanges(text, planRenumber(text, { convertNamedLabels: true }).changes);
    expect(after).toBe('See[^1] and `[^a]` and[^2].\n\n[^1]: Beta.\n[^2]: Alpha, cf.[^1]\n');
  });

  it('relabels a definition inside a quote in place', () => {
    const text = 'A[^q] B[^3].\n\n> [^q]: Quoted.\n\n[^3]: Three.\n';
    const after = applyChanges(text, planRenumber(text, { convertNamedLabels: true }).changes);
    expect(after).toBe('A[^1] B[^2].\n\n> [^1]: Quoted.\n\n[^2]: Three.\n');
  });
});
