import type { Env } from 'markdown-it';
import type { ShortcodeEnv } from './shortcodes/shortcodeEnv';

/**
 * Per-render state handed to markdown-it as `env`. markdown-it-footnote keeps its own state in the
 * same object, so a fresh env is made for every render: nothing leaks between documents.
 */
export interface MarkdownRenderEnv extends Env {
  /** Lines of the whole file before the body (front matter), added to every `data-line`. */
  lineOffset: number;
  /**
   * Maps an image `src` (as markdown-it normalized it) to the URL to load, or `null` to show a
   * placeholder instead of fetching anything.
   */
  resolveImage: (src: string) => string | null;
  /**
   * The writer's preview (not an export): unpublished things (HTML comments, the summary
   * divider, unknown shortcodes) are shown, marked as such.
   */
  preview?: boolean;
  /**
   * Exports: an image the resolver refuses keeps its `<img>` with the source as written (Hugo
   * publishes it so; the exporter reports it) instead of the preview's placeholder.
   */
  keepUnresolvedImages?: boolean;
  /** The site and page facts shortcodes need, and the notes they leave for exports. */
  shortcodes?: ShortcodeEnv;
}

export const isRenderEnv = (env: unknown): env is MarkdownRenderEnv =>
  typeof env === 'object' &&
  env !== null &&
  typeof (env as Partial<MarkdownRenderEnv>).lineOffset === 'number' &&
  typeof (env as Partial<MarkdownRenderEnv>).resolveImage === 'function';
