import path from 'node:path';
import type { Token } from 'markdown-it';
import { isCjkLanguage } from '../../shared/export/documentLanguage';
import { featuredImageSource } from '../../shared/export/exportDocument';
import { exportLabels } from '../../shared/export/exportLabels';
import { exportNotes, parseForExport } from '../../shared/export/exportMarkdown';
import { indexFootnotes, type FootnoteDefinition } from '../../shared/footnotes/footnoteIndex';
import { createHtmlText } from '../markdown/htmlText';
import { articleShortcodeOptions } from './articleShortcodes';
import type { LocalImage } from './articleImages';
import { DocumentWriter } from './docx/documentWriter';
import { textRun } from './docx/runs';
import { wordPackage } from './docx/wordPackage';
import type { ExportContext, ExportOutput } from './exportTypes';
import { writeOutput } from './writeOutput';

const pageSizes = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
const marginTwips = 1440;

/**
 * Builds the .docx bytes the way pandoc does: the parts every article shares (styles, fonts,
 * numbering definitions, settings) are a fixed reference, and the document, its footnotes and
 * relationships are written as XML straight from the article's tokens.
 */
export async function renderDocx(
  context: Pick<ExportContext, 'source' | 'images' | 'options' | 'sanitize'>,
  warnings: string[] = [],
): Promise<Uint8Array> {
  const { source, images, options } = context;
  const { meta } = source;
  const cjk = isCjkLanguage(meta.lang);
  const size = pageSizes[options.docx.pageSize];
  const { tokens, env } = parseForExport(source.body, {
    resolveImage: () => null,
    profile: source.profile,
    ...articleShortcodeOptions(source),
    rawHtmlText: createHtmlText(context.sanitize),
  });
  const uncited = uncitedSources(source.body, env, warnings);
  warnings.push(...exportNotes(env));
  const featured = featuredImageSource(source.data);
  // One image at a time: each is read, narrowed when oversized, and only its encoded bytes kept
  // (the document carries them all until it is packed).
  const prepared = new Map<string, LocalImage | null>();
  for (const src of [...(featured ? [featured] : []), ...imageSources(tokens)])
    if (!prepared.has(src)) prepared.set(src, await images.embedded(src));
  const writer = new DocumentWriter(
    images,
    prepared,
    meta.lang,
    size.width - 2 * marginTwips,
    warnings,
    uncited,
  );

  writer.paragraph({ style: 'Title' }, textRun(meta.title));
  if (meta.lead) writer.paragraph({ style: 'BylineLead' }, textRun(meta.lead));
  const byline = [
    meta.date?.text,
    meta.authors.length > 0
      ? `${exportLabels(meta.lang).by}${cjk ? '：' : ' '}${meta.authors.join(cjk ? '、' : ', ')}`
      : null,
  ]
    .filter((part): part is string => Boolean(part))
    .join(cjk ? '　' : ' · ');
  if (byline) writer.paragraph({ style: 'BylineMeta' }, textRun(byline));
  if (featured)
    writer.paragraph(
      { singleSpacing: true, align: 'center' },
      writer.inline([imageToken(featured)]),
    );
  writer.write(tokens, exportLabels(meta.lang).sources);

  return wordPackage(writer, {
    cjk,
    lang: meta.lang,
    page: { ...size, margin: marginTwips },
    properties: {
      title: meta.title,
      lead: meta.lead ?? undefined,
      creator: meta.authors.join(', ') || 'Byline',
      keywords: meta.keywords.join(', '),
      written: new Date().toISOString(),
    },
  });
}

/**
 * Definitions the export's own parse found and nobody cites (the last one of a label, as the
 * preview uses), each with a warning. The parse keeps no text for them, so the footnote index is
 * read for it, and only when there are any: most articles cite every source.
 */
function uncitedSources(body: string, env: object, warnings: string[]): FootnoteDefinition[] {
  // markdown-it-footnote's state: `:label` -> note number, -1 while nothing cites the label.
  const refs = (env as { footnotes?: { refs?: Record<string, number> } }).footnotes?.refs ?? {};
  const labels = Object.keys(refs)
    .filter((key) => (refs[key] ?? 0) < 0)
    .map((key) => key.slice(1));
  if (labels.length === 0) return [];
  const { definitions } = indexFootnotes(body);
  return labels.flatMap((label) => {
    const definition = definitions.findLast((d) => d.label === label);
    if (!definition) return [];
    warnings.push(`Footnote [^${label}] is never cited: listed at the end without a number.`);
    return [definition];
  });
}

/** The src of every image in a token stream, in order. */
function imageSources(tokens: readonly Token[]): string[] {
  return tokens.flatMap((token) =>
    (token.children ?? [])
      .filter((child) => child.type === 'image')
      .map((child) => String(child.attrGet('src') ?? '')),
  );
}

/** A stand-in image token for the featured image, so it goes through the same code path. */
function imageToken(src: string): Token {
  const { tokens } = parseForExport(`![](<${src.replace(/[<>]/g, '')}>)`, {
    resolveImage: () => null,
  });
  const inline = tokens.find((t) => t.type === 'inline');
  return (
    inline?.children?.find((c) => c.type === 'image') ?? ({ type: 'text', content: src } as Token)
  );
}

export async function exportDocx(context: ExportContext): Promise<ExportOutput> {
  const warnings: string[] = [];
  const bytes = await renderDocx(context, warnings);
  const file = path.join(context.outputDir, `${context.name}.docx`);
  await writeOutput(file, bytes);
  return { files: [file], warnings: [...new Set(warnings)] };
}
