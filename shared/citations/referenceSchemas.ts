/**
 * Schemas of the reference-manager requests, listed by name in shared/ipc/contract.ts.
 * Items are CSL-JSON: the fields Byline edits are checked, any other CSL field passes through.
 */
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

const CslNameSchema = z.looseObject({
  family: text(500).optional(),
  given: text(500).optional(),
  literal: text(1000).optional(),
});

const CslDateSchema = z.looseObject({
  'date-parts': z
    .array(z.array(z.union([z.number(), z.string().max(20)])).max(3))
    .max(2)
    .optional(),
  raw: text(200).optional(),
  literal: text(200).optional(),
});

export const CslItemSchema = z.looseObject({
  id: text(500),
  type: text(100),
  title: text(5000).optional(),
  author: z.array(CslNameSchema).max(500).optional(),
  issued: CslDateSchema.optional(),
  accessed: CslDateSchema.optional(),
  'container-title': text(2000).optional(),
  publisher: text(2000).optional(),
  URL: text(8000).optional(),
  DOI: text(500).optional(),
  note: text(10000).optional(),
});

export const ReferencesStyleName = z.enum(['news', 'apa', 'gb-t-7714']);
const DefinitionLanguageName = z.enum(['zh', 'en']);
export const BibliographyImportFormat = z.enum(['csl-json', 'bibtex', 'ris']);
export const BibliographyExportFormat = z.enum(['csl-json', 'bibtex']);

export const ReferencesMergeResult = z.object({
  /** Items that were new, as stored. */
  added: z.array(CslItemSchema),
  /** Items that were already in the library (same URL or DOI): their id there. */
  duplicates: z.array(z.object({ title: z.string(), existingId: z.string() })),
  /** Size of the library afterwards. */
  total: z.number().int().nonnegative(),
});

/** Per workspace, in `.byline/references-settings.json`. */
export const ReferencesWorkspaceSettings = z.object({
  /** Heading written when an article has no references section yet, by article language. */
  headingZh: text(200),
  headingEn: text(200),
});

export const referenceRequests = {
  /** The workspace library (`.byline/references.json`), filtered by author/title/outlet words. */
  list: { input: z.object({ query: text(500).optional() }), output: z.array(CslItemSchema) },
  /** Saves sources (cited from the form); duplicates by URL/DOI are not added twice. */
  add: {
    input: z.object({ items: z.array(CslItemSchema).max(5000) }),
    output: ReferencesMergeResult,
  },
  import: {
    input: z.object({ format: BibliographyImportFormat, text: z.string().max(20_000_000) }),
    output: ReferencesMergeResult,
  },
  export: {
    input: z.object({
      format: BibliographyExportFormat,
      ids: z.array(text(500)).max(100_000).optional(),
    }),
    output: z.object({ text: z.string(), fileName: z.string() }),
  },
  /** Formats items as definition texts in a style (CSL for APA and GB/T, Byline's own for news). */
  format: {
    input: z.object({
      items: z.array(CslItemSchema).max(5000),
      style: ReferencesStyleName,
      language: DefinitionLanguageName,
    }),
    output: z.array(z.string()),
  },
  /**
   * New texts for existing definitions in another style: each definition is recognised (news
   * style, or a library source formatted in any style); null where it is free text.
   */
  restyle: {
    input: z.object({
      definitions: z.array(text(20_000)).max(5000),
      style: ReferencesStyleName,
      language: DefinitionLanguageName,
    }),
    output: z.array(z.string().nullable()),
  },
  getSettings: { input: z.void(), output: ReferencesWorkspaceSettings },
  updateSettings: {
    input: ReferencesWorkspaceSettings.partial(),
    output: ReferencesWorkspaceSettings,
  },
} as const;

export type ReferencesMergeResult = z.output<typeof ReferencesMergeResult>;
export type ReferencesWorkspaceSettings = z.output<typeof ReferencesWorkspaceSettings>;
export type ReferencesStyleName = z.output<typeof ReferencesStyleName>;
export type BibliographyImportFormat = z.output<typeof BibliographyImportFormat>;
export type BibliographyExportFormat = z.output<typeof BibliographyExportFormat>;
