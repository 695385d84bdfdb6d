import juice from 'juice';
import path from 'node:path';
import { escapeHtml } from '../../shared/markdown/escapeHtml';
import { isCjkLanguage } from '../../shared/export/documentLanguage';
import type { ExportTheme } from '../../shared/export/exportOptions';
import type { HtmlSanitizer } from '../../shared/markdown/sanitize';
import type { ArticleImages } from './articleImages';
import type { ArticleSource } from './articleSource';
import { DeferredImages } from './deferredImages';
import { createExportSanitizer } from './exportSanitizer';
import type { ExportContext, ExportOutput } from './exportTypes';
import { renderArticleHtml } from './renderArticleHtml';
import type { ThemeStore } from './themes';
import { writeOutput } from './writeOutput';

export interface RichTextFragment {
  /** One `<section>` with every style inlined: what goes on the clipboard as text/html. */
  html: string;
  warnings: string[];
}

/**
 * The theme CSS as juice can apply it to a fragment: `:root` variables live on the wrapper
 * section, `:lang(zh)` rules apply when the article is CJK and never otherwise, @font-face and
 * @media rules are dropped (inline styles cannot carry them).
 */
export function cssForInlining(css: string, lang: string): string {
  const cjk = isCjkLanguage(lang);
  return css
    .replace(/@font-face\s*\{[^}]*\}/g, '')
    .replace(/@media[^{]*\{(?:[^{}]*\{[^}]*\})*[^{}]*\}/g, '')
    .replace(/:root/g, 'section.byline-wechat')
    .replace(/:lang\((?:zh|ja)\)/g, cjk ? '' : '.byline-not-cjk')
    .replace(/'Byline CJK Punctuation (?:Serif|Sans)',\s*/g, '');
}

/**
 * WeChat-ready HTML (the way doocs/md does it) and the same fragment for any CMS paste: the
 * article through the strict sanitizer, the theme inlined into every element's `style` by juice,
 * then classes and ids removed, then the export sanitizer (styles allowed) as the last pass. No
 * `<a href>` (WeChat refuses outside links; they are numbered references at the end), no
 * `<style>`, no script, images embedded as data: URIs.
 */
export async function renderRichTextFragment(
  source: ArticleSource,
  images: ArticleImages,
  sanitize: HtmlSanitizer,
  themes: ThemeStore,
  theme: ExportTheme,
  allowRemoteImages = false,
): Promise<RichTextFragment> {
  const warnings: string[] = [];
  const deferred = new DeferredImages(images);
  const article = renderArticleHtml(source, images, sanitize, {
    flavor: 'wechat',
    allowRemoteImages,
    imageUrl: (src) => {
      const uri = deferred.placeholder(src);
      if (uri === null) warnings.push(`Image not found or not a supported picture: ${src}`);
      return uri;
    },
  });
  warnings.push(...article.notes);
  const lang = source.meta.lang;
  const wrapped = `<section class="byline-wechat article" lang="${escapeHtml(lang)}">${article.html}</section>`;
  const css = cssForInlining(await themes.wechatCss(theme), lang);
  const inlined = juice.inlineContent(wrapped, css, {
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    applyAttributesTableElements: false,
    inlinePseudoElements: true,
    preserveImportant: false,
    resolveCSSVariables: true,
    removeStyleTags: true,
  });
  // The editor keeps only inline styles; classes, ids and leftover links mean nothing there.
  const stripped = inlined
    .replace(/\s(?:class|id)="[^"]*"/g, '')
    .replace(/<a\b[^>]*>/g, '')
    .replace(/<\/a>/g, '');
  const html = await deferred.fill(
    createExportSanitizer({ inlineStyles: true, allowRemoteImages })(stripped),
  );
  return { html, warnings: [...new Set(warnings)] };
}

export async function exportWechat(context: ExportContext): Promise<ExportOutput> {
  const fragment = await renderRichTextFragment(
    context.source,
    context.images,
    context.sanitize,
    context.themes,
    context.options.theme,
    context.options.allowRemoteImages,
  );
  const { meta } = context.source;
  // A page around the fragment so it opens in a browser for select-all + copy; the fragment
  // itself is all that matters.
  const page = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(meta.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:${context.options.allowRemoteImages ? ' https: http:' : ''}; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(meta.title)}</title>`,
    '</head>',
    '<body style="margin: 0; background: #f2f2f2;">',
    '<div style="max-width: 578px; margin: 0 auto; padding: 24px 16px; background: #ffffff;">',
    fragment.html,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const file = path.join(context.outputDir, `${context.name}.wechat.html`);
  await writeOutput(file, page);
  return { files: [file], warnings: fragment.warnings };
}
