/**
 * citation-js (0.7, Node 20) set up once: CSL output with Byline's bundled styles and locales
 * (assets/csl), BibTeX and RIS input, BibTeX output. Everything that touches citation-js lives
 * here, in main: it is a CommonJS library with global plugin state.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';

export const CSL_TEMPLATES = {
  apa: { template: 'byline-apa', file: 'apa.csl', lang: 'en-US' },
  gbt: {
    template: 'byline-gb-t-7714',
    file: 'china-national-standard-gb-t-7714-2015-numeric.csl',
    lang: 'zh-CN',
  },
} as const;

const LOCALES = { 'en-US': 'locales-en-US.xml', 'zh-CN': 'locales-zh-CN.xml' } as const;

let registeredFrom: string | null = null;

interface CslConfig {
  templates: { add(name: string, xml: string): void };
  locales: { add(name: string, xml: string): void };
}

interface BibtexConfig {
  format: { asciiOnly: boolean; useIdAsLabel: boolean };
}

/** Registers the bundled CSL styles and locales (idempotent). */
export function setupCitationJs(cslDir: string): void {
  if (registeredFrom === cslDir) return;
  const csl = plugins.config.get('@csl') as CslConfig;
  for (const { template, file } of Object.values(CSL_TEMPLATES)) {
    csl.templates.add(template, readFileSync(path.join(cslDir, file), 'utf8'));
  }
  for (const [lang, file] of Object.entries(LOCALES)) {
    csl.locales.add(lang, readFileSync(path.join(cslDir, file), 'utf8'));
  }
  const bibtex = plugins.config.get('@bibtex') as BibtexConfig;
  // Keep Chinese titles and names (the default drops every non-ASCII character).
  bibtex.format.asciiOnly = false;
  bibtex.format.useIdAsLabel = true;
  registeredFrom = cslDir;
}

/** One bibliography entry as plain text. */
export function formatCsl(item: object, template: string, lang: string): string {
  const cite = new Cite([item]);
  return String(cite.format('bibliography', { format: 'text', template, lang }));
}

/** BibTeX (read as BibLaTeX, its superset: `date`, `urldate`), RIS or CSL-JSON text -> CSL-JSON items. */
export function parseBibliography(
  text: string,
  forceType: '@biblatex/text' | '@ris/file' | '@csl/list+object',
): object[] {
  const input = forceType === '@csl/list+object' ? (JSON.parse(text) as unknown) : text;
  const list = Array.isArray(input) || forceType !== '@csl/list+object' ? input : [input];
  return plugins.input.chain(list, { forceType, generateGraph: false }) as object[];
}

export function toBibtex(items: object[]): string {
  return String(new Cite(items).format('bibtex', { format: 'text' }));
}
