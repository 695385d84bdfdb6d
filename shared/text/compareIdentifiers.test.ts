import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIdentifiers } from './compareIdentifiers';

const sign = (n: number): number => Math.sign(n);
const identifierChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-/'.split(''));
const identifier = fc.string({ unit: identifierChar, maxLength: 12 });

describe('compareIdentifiers', () => {
  it('orders rule ids as localeCompare does', () => {
    fc.assert(
      fc.property(identifier, identifier, (a, b) => {
        expect(sign(compareIdentifiers(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders every pair of those characters and the rule ids in use as localeCompare does', () => {
    const samples = [
      ...'abcdefghijklmnopqrstuvwxyz0123456789-/'.split(''),
      'footnotes/missing-definition',
      'footnotes/duplicate-definition',
      'footnotes/unused-definition',
      'citations/missing-url',
      'citations/missing-retrieval-date',
      'front-matter/syntax',
      'publish/image-missing',
      'publish/cjk-emphasis',
      'publish/private-comment',
      'publish',
      'publish-',
      'publish/',
    ];
    for (const a of samples)
      for (const b of samples)
        expect(sign(compareIdentifiers(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b)));
  });

  it('hands anything else to localeCompare', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(sign(compareIdentifiers(a, b))).toBe(sign(a.localeCompare(b)));
      }),
    );
    expect(sign(compareIdentifiers('Zebra', 'apple'))).toBe(sign('Zebra'.localeCompare('apple')));
    expect(sign(compareIdentifiers('引用/缺失', '引用/多余'))).toBe(
      sign('引用/缺失'.localeCompare('引用/多余')),
    );
  });
});
