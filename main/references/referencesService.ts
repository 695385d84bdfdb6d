import path from 'node:path';
import type { CslItem, DefinitionLanguage } from '../../shared/citations';
import { normalizeText, parseNewsDefinition } from '../../shared/citations';
import type {
  BibliographyExportFormat,
  BibliographyImportFormat,
  ReferencesMergeResult,
  ReferencesStyleName,
} from '../../shared/citations/referenceSchemas';
import type { RequestHandlers } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { parseBibliography, setupCitationJs, toBibtex } from './citationJs';
import { ReferenceFormatter } from './referenceFormatter';
import { normalizeItem, ReferenceLibrary } from './referenceLibrary';

const FORCE_TYPE = {
  'csl-json': '@csl/list+object',
  bibtex: '@biblatex/text',
  ris: '@ris/file',
} as const;

/** Parses a BibTeX, RIS or CSL-JSON file into normalised CSL items. */
export function importBibliography(
  format: BibliographyImportFormat,
  text: string,
  cslDir: string,
): CslItem[] {
  setupCitationJs(cslDir);
  let parsed: object[];
  try {
    parsed = parseBibliography(text, FORCE_TYPE[format]);
  } catch (error) {
    throw new BylineError(
      'references-import-failed',
      `Could not read this ${format === 'csl-json' ? 'CSL-JSON' : format === 'bibtex' ? 'BibTeX' : 'RIS'} file: ${(error as Error).message}`,
    );
  }
  const items: CslItem[] = [];
  parsed.forEach((entry, i) => {
    try {
      items.push(normalizeItem(entry as Record<string, unknown>, `imported-${i + 1}`));
    } catch {
      // Not a source (a comment block, a preamble): skipped.
    }
  });
  if (items.length === 0)
    throw new BylineError('references-import-empty', 'No sources found in that file.');
  return items;
}

export function exportBibliography(
  format: BibliographyExportFormat,
  items: CslItem[],
  cslDir: string,
): string {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  setupCitationJs(cslDir);
  return toBibtex(items);
}

const summary = (result: {
  items: CslItem[];
  added: CslItem[];
  duplicates: { incoming: CslItem; existingId: string }[];
}): ReferencesMergeResult => ({
  added: result.added,
  duplicates: result.duplicates.map((d) => ({
    title: d.incoming.title ?? d.incoming.URL ?? d.incoming.id,
    existingId: d.existingId,
  })),
  total: result.items.length,
});

/**
 * New texts for existing definitions: a definition in the news style is parsed; any other is
 * matched against the library's sources formatted in every style (so APA and GB/T definitions
 * Byline wrote can be restyled again). Parsed sources are saved to the library for that reason.
 */
export async function restyleDefinitions(
  definitions: readonly string[],
  style: ReferencesStyleName,
  language: DefinitionLanguage,
  library: ReferenceLibrary,
  formatter: ReferenceFormatter,
): Promise<(string | null)[]> {
  const parsed = definitions.map((text) => parseNewsDefinition(text)?.item ?? null);
  const known = parsed.filter((item): item is CslItem => item !== null);
  if (known.length > 0) await library.add(known);
  const stored = await library.read();
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  return definitions.map((text, i) => {
    let item = parsed[i] ?? null;
    if (!item) {
      const wanted = squash(text);
      const folded = normalizeText(text);
      item =
        stored.find(
          (candidate) =>
            candidate.title !== undefined &&
            folded.includes(normalizeText(candidate.title)) &&
            formatter.allForms(candidate).some((form) => squash(form) === wanted),
        ) ?? null;
    }
    if (!item) return null;
    const next = formatter.format(item, style, language);
    return next === text ? null : next;
  });
}

/** The `references.*` request handlers, for createBylineMain. */
export function referencesHandlers(
  workspaceRoot: () => string,
  assetsDir: string,
): Pick<
  RequestHandlers,
  | 'references.list'
  | 'references.add'
  | 'references.import'
  | 'references.export'
  | 'references.format'
  | 'references.restyle'
  | 'references.getSettings'
  | 'references.updateSettings'
> {
  const cslDir = path.join(assetsDir, 'csl');
  const library = new ReferenceLibrary(workspaceRoot);
  const formatter = new ReferenceFormatter(cslDir);
  return {
    'references.list': ({ query }) => library.list(query),
    'references.add': async ({ items }) => summary(await library.add(items as CslItem[])),
    'references.import': async ({ format, text }) =>
      summary(await library.add(importBibliography(format, text, cslDir))),
    'references.export': async ({ format, ids }) => {
      const all = await library.read();
      const wanted = ids ? all.filter((item) => ids.includes(item.id)) : all;
      const name = path.basename(workspaceRoot()) || 'references';
      return {
        text: exportBibliography(format, wanted, cslDir),
        fileName: `${name}-references.${format === 'bibtex' ? 'bib' : 'json'}`,
      };
    },
    'references.format': async ({ items, style, language }) =>
      items.map((item) => formatter.format(item as CslItem, style, language)),
    'references.restyle': ({ definitions, style, language }) =>
      restyleDefinitions(definitions, style, language, library, formatter),
    'references.getSettings': () => library.settings(),
    'references.updateSettings': (patch) => library.updateSettings(patch),
  };
}
