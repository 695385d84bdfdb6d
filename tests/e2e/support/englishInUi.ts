import type { Page } from '@playwright/test';

/**
 * Names that stay as they are in the Chinese UI: products, formats, standards, keys, units.
 * Anything else in Latin letters in the zh-CN UI is an untranslated string.
 */
export const allowedNames = new Set(
  [
    'Byline',
    'Markdown',
    'Hugo',
    'YAML',
    'TOML',
    'JSON',
    'Word',
    'docx',
    'PDF',
    'HTML',
    'CSS',
    'TXT',
    'URL',
    'CMS',
    'APA',
    'GB',
    'T',
    'BibTeX',
    'RIS',
    'CSL',
    'ZIP',
    'UTF',
    'GBK',
    'GB18030',
    'Big5',
    'BOM',
    'LF',
    'CRLF',
    'CR',
    'Ctrl',
    'Shift',
    'Alt',
    'Esc',
    'Enter',
    'Tab',
    'Backspace',
    'Delete',
    // Function keys: F1 opens the palette, F11 is full screen.
    ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
    'px',
    'mm',
    'A4',
    'A5',
    'Letter',
    'more',
    'ISO',
    // URL schemes and file names the UI shows as examples: https://, Hugo's index.md.
    'https',
    'index',
  ].map((name) => name.toLowerCase()),
);

/** Where the article's own words show (editor, preview, titles): data, not UI. */
const dataSelectors = [
  '.cm-content',
  '.cm-gutters',
  '.cm-tooltip',
  '.preview-article',
  '.library-item-title',
  '.library-workspace',
  '.tab-label',
  '.reference-text',
  'input',
  'textarea',
  '.print-root',
];

/**
 * Every visible UI string of the page (text, aria-label, title, placeholder, select options) with
 * its Latin-letter words that are neither allowed names nor words of the article data given.
 */
export async function englishInUi(
  page: Page,
  dataWords: readonly string[],
): Promise<{ text: string; words: string[] }[]> {
  const strings = await page.evaluate((excluded) => {
    const found: string[] = [];
    const isData = (element: Element): boolean => excluded.some((s) => element.closest(s) !== null);
    const visible = (element: Element): boolean => {
      const box = (element as HTMLElement).getBoundingClientRect?.();
      const style = getComputedStyle(element);
      return !!box && box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || isData(parent) || !visible(parent)) continue;
      if (parent.closest('style, script, option')) continue;
      found.push(text);
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (!visible(element) && !element.closest('select')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'aria-description']) {
        const value = element.getAttribute(name);
        if (value && !(name === 'title' && isData(element))) found.push(value.trim());
      }
      if (
        element.tagName === 'OPTION' &&
        element.closest('select') &&
        visible(element.closest('select')!)
      )
        found.push(element.textContent?.trim() ?? '');
    }
    return [...new Set(found)];
  }, dataSelectors);
  const data = new Set(dataWords.map((word) => word.toLowerCase()));
  return strings
    .map((text) => ({
      text,
      // Single letters are keys (Ctrl+B) or variables, never a sentence.
      words: (text.match(/[A-Za-z][A-Za-z0-9]*(?:['’][a-z]+)?/g) ?? []).filter(
        (word) =>
          word.length > 1 && !allowedNames.has(word.toLowerCase()) && !data.has(word.toLowerCase()),
      ),
    }))
    .filter((entry) => entry.words.length > 0);
}

/** The Latin-letter words of some data (article text, titles, paths). */
export function latinWords(...texts: string[]): string[] {
  return texts.flatMap((text) => text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []);
}
