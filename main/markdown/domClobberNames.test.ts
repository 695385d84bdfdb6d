import { readFileSync } from 'node:fs';
import path from 'node:path';
import { types } from 'node:util';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { domClobberNames, isClobberingName } from './domClobberNames';
import { domClobberTest } from './testing/jsdomClobberTest';

// The name list stands in for DOMPurify's `value in document || value in form` on jsdom; it
// must answer exactly as that test does, for every string.
const { window } = new JSDOM('<!DOCTYPE html>');
const onJsdom = domClobberTest(window);

/** Every string property name along an object's prototype chain. */
function propertyNames(object: object): Set<string> {
  const names = new Set<string>();
  for (let o: object | null = object; o; o = Object.getPrototypeOf(o) as object | null)
    for (const name of Object.getOwnPropertyNames(o)) names.add(name);
  return names;
}

describe('DOM-clobbering names without a document', () => {
  it('is the property names of a jsdom document and an empty form', () => {
    const { document } = window;
    const form = document.createElement('form');
    const expected = [...new Set([...propertyNames(document), ...propertyNames(form)])].sort();
    expect(
      [...domClobberNames].sort(),
      `the installed jsdom's names (paste into domClobberNames.ts):\n${expected.join(' ')}`,
    ).toEqual(expected);
    // `in` sees more than the prototype chain only through a proxy: jsdom's document is none,
    // and a form's proxy adds only its controls (an empty form has none).
    expect(types.isProxy(document)).toBe(false);
    expect(form.elements.length).toBe(0);
  });

  it('answers as the jsdom test does for names, ids of the fixtures and any string', () => {
    const ids = [
      ...domClobberNames,
      ...domClobberNames.map((name) => name.toUpperCase()),
      ...domClobberNames.map((name) => ` ${name}`),
      '0',
      '1',
      '-1',
      '',
      'length',
      'cookie',
      'references',
      'fn-1',
      'fnref-1',
      'toString',
      'hasOwnProperty',
      '__proto__',
      'constructor',
    ];
    const fixtures = [
      'tests/fixtures/xss/vectors.json',
      'tests/fixtures/export/hostile/hostile.md',
    ];
    for (const fixture of fixtures) {
      const text = readFileSync(path.resolve(fixture), 'utf8');
      for (const match of text.matchAll(/\b(?:id|name)=\\?["']?([^"'\\\s>]*)/g))
        ids.push(match[1] as string);
    }
    for (const id of ids) expect(isClobberingName(id), id).toBe(onJsdom(id));
    fc.assert(
      fc.property(fc.string(), (id) => isClobberingName(id) === onJsdom(id)),
      { numRuns: 2000 },
    );
  });
});
