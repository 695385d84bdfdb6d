/**
 * The export's choices and their defaults as plain values: the command line checks its flags and
 * the export service fills in defaults with these, without loading zod (a tenth of a short
 * export's time). exportOptions.ts builds the schemas the contract and the workspace's options file
 * parse with from the same lists and defaults.
 */
export const exportFormats = ['html', 'pdf', 'docx', 'hugo', 'wechat', 'txt'] as const;
export type ExportFormatName = (typeof exportFormats)[number];

export const exportThemes = ['classic', 'sans'] as const;
export type ExportTheme = (typeof exportThemes)[number];

export const pageSizes = ['A4', 'Letter'] as const;
export type PageSize = (typeof pageSizes)[number];

export const htmlImageModes = ['embed', 'copy'] as const;
export const textLineEndings = ['lf', 'crlf'] as const;

/** Per-format choices, every one given: what `ExportOptions.parse({})` returns. */
export interface ExportOptions {
  /** Stylesheet for HTML, PDF and WeChat output (assets/themes/<theme>.css). */
  theme: ExportTheme;
  html: {
    /** `embed`: images become data: URIs (one file); `copy`: copied into `<name>.assets/` beside it. */
    images: (typeof htmlImageModes)[number];
  };
  pdf: {
    pageSize: PageSize;
    /** One margin for all four sides, in millimetres (5-40). */
    marginMm: number;
    /** Page numbers in the footer and the title in the header. */
    pageNumbers: boolean;
  };
  docx: { pageSize: PageSize };
  hugo: {
    /** Add `slug:` (pinyin for Chinese titles) to the front matter when it has none. */
    addSlug: boolean;
  };
  txt: {
    /** Wrap paragraphs at this display width (CJK counts 2, 0-200); 0 keeps one line per paragraph. */
    wrap: number;
    /** Wire systems on Windows often want CRLF. */
    eol: (typeof textLineEndings)[number];
  };
  /**
   * Remote (http/https) images: off by default, as in the preview: Byline is offline by design
   * and never fetches them; they become a placeholder with their address.
   */
  allowRemoteImages: boolean;
}

/** Any part of the options; what is left out takes its default. */
export type ExportOptionsInput = {
  [K in keyof ExportOptions]?: ExportOptions[K] extends object
    ? Partial<ExportOptions[K]>
    : ExportOptions[K];
};

export const defaultExportOptions: Readonly<ExportOptions> = {
  theme: 'classic',
  html: { images: 'embed' },
  pdf: { pageSize: 'A4', marginMm: 20, pageNumbers: true },
  docx: { pageSize: 'A4' },
  hugo: { addSlug: true },
  txt: { wrap: 0, eol: 'lf' },
  allowRemoteImages: false,
};

/**
 * Options already checked where they came in (the contract, the command line's flags) with every
 * default filled in, as `ExportOptions.parse` fills them.
 */
export function withExportDefaults(input: ExportOptionsInput = {}): ExportOptions {
  const d = defaultExportOptions;
  return {
    theme: input.theme ?? d.theme,
    html: filled(d.html, input.html),
    pdf: filled(d.pdf, input.pdf),
    docx: filled(d.docx, input.docx),
    hugo: filled(d.hugo, input.hugo),
    txt: filled(d.txt, input.txt),
    allowRemoteImages: input.allowRemoteImages ?? d.allowRemoteImages,
  };
}

/** The defaults with every value `part` gives (an `undefined` value is not given, as in zod). */
function filled<T extends object>(defaults: T, part: Partial<T> | undefined): T {
  const result = { ...defaults };
  for (const [key, value] of Object.entries(part ?? {}))
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  return result;
}

/** Whether `value` is one of `choices` (a command-line flag, say). */
export function isChoice<T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value);
}
