import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalChange, reactToDiskChange } from './diskChange';

const stamp = (hash: string, size = 10): { size: number; mtimeMs: number; hash: string } => ({
  size,
  mtimeMs: 1,
  hash,
});

describe('reactToDiskChange', () => {
  it('reloads a clean buffer, reports a conflict for a dirty one, ignores our own save', () => {
    expect(reactToDiskChange({ dirty: false, stamp: stamp('a') }, stamp('b'))).toBe('reload');
    expect(reactToDiskChange({ dirty: true, stamp: stamp('a') }, stamp('b'))).toBe('conflict');
    expect(
      reactToDiskChange({ dirty: true, stamp: stamp('a') }, { ...stamp('a'), mtimeMs: 99 }),
    ).toBe('ignore');
    expect(reactToDiskChange({ dirty: false, stamp: stamp('a') }, null)).toBe('deleted');
  });
});

describe('minimalChange', () => {
  it('keeps the common prefix and suffix', () => {
    expect(minimalChange('abcXdef', 'abcYYdef')).toEqual({ from: 3, to: 4, insert: 'YY' });
    expect(minimalChange('same', 'same')).toBeNull();
  });

  it('always turns one text into the other, surrogate pairs intact', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '中', '😀', '\n') });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const change = minimalChange(a, b);
        const result = change ? a.slice(0, change.from) + change.insert + a.slice(change.to) : a;
        expect(result).toBe(b);
        if (change)
          expect(
            /^[\uDC00-\uDFFF]/.test(change.insert) ||
              /[\uD800-\uDBFF]$/.test(a.slice(0, change.from)),
          ).toBe(false);
      }),
    );
  });
});
