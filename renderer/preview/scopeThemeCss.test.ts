import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scopeThemeCss } from './scopeThemeCss';

describe('scopeThemeCss', () => {
  it('puts page rules on the scope root, keeps other selectors and font faces global', () => {
    const css = [
      "@font-face { font-family: 'X'; src: local('Y'); }",
      ':root { --measure: 40em; }',
      'html { color: #111; }',
      'body { font-size: 18px; }',
      '.article-body > p { margin: 0; }',
      '@media print { html, body { background: #fff; } body { padding: 0; } }',
    ].join('\n');
    const scoped = scopeThemeCss(css);
    expect(scoped.startsWith("@font-face { font-family: 'X'; src: local('Y'); }")).toBe(true);
    expect(scoped).toContain('@scope (.byline-article) {');
    expect(scoped).toContain(':scope { --measure: 40em; }');
    expect(scoped).toContain(':scope { color: #111; }');
    expect(scoped).toContain(':scope { font-size: 18px; }');
    expect(scoped).toContain('.article-body > p { margin: 0; }');
    expect(scoped).toContain('@media print { :scope, :scope { background: #fff; } :scope {');
    expect(scoped).not.toMatch(/(^|[\s,{}])(html|body|:root)\s*[,{]/);
  });

  it('leaves no page selector in the shipped themes', () => {
    for (const name of ['base', 'classic', 'sans']) {
      const css = readFileSync(new URL(`../../assets/themes/${name}.css`, import.meta.url), 'utf8');
      const scoped = scopeThemeCss(css);
      expect(scoped, name).not.toMatch(/(^|[\s,{}])(html|body|:root)\s*[,{]/);
      expect(scoped.match(/@scope/g), name).toHaveLength(1);
    }
  });
});
