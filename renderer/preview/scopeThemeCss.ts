/** The class of the element the export theme typesets: the exported page's body, the preview's article. */
export const articleThemeRoot = 'byline-article';

const fontFace = /@font-face\s*\{[^}]*\}/g;
// `html`, `body` and `:root` as whole selectors of a rule (never `.article-body`).
const pageSelector = /(^|[\s,{}])(?:html|body|:root)(?=\s*[,{])/g;

/**
 * An export theme (assets/themes: base.css + a theme, written for a whole exported page) applied
 * to one element of the app: its rules hold only inside `.byline-article` (CSS `@scope`, which
 * keeps every selector's specificity, so the cascade is the exported page's), and what the page
 * sets on `html`, `body` and `:root` (variables, fonts, size, colours) goes on that element.
 * `@font-face` rules stay global: they only name local fonts.
 */
export function scopeThemeCss(css: string): string {
  const faces = css.match(fontFace) ?? [];
  const rules = css.replace(fontFace, '').replace(pageSelector, '$1:scope');
  return `${faces.join('\n')}\n@scope (.${articleThemeRoot}) {\n${rules}\n}\n`;
}
