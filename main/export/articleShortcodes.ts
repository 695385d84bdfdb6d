import type { ExportRenderOptions } from '../../shared/export/exportMarkdown';
import { createRefResolver } from '../site/refResolver';
import type { ArticleSource } from './articleSource';

/** What shortcodes need for one exported article: its page facts and a ref resolver on its site's files. */
export function articleShortcodeOptions(
  source: ArticleSource,
): Pick<ExportRenderOptions, 'page' | 'resolveRef'> {
  return {
    page: { path: source.rootPath, params: source.data },
    resolveRef: createRefResolver(source.root, source.profile, source.file),
  };
}
