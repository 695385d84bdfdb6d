import { Idiomorph } from 'idiomorph';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorSession } from '../app/editorSession';
import { useSnapshot } from '../app/editorSession';
import { renderArticlePreview } from './renderArticlePreview';

interface PreviewPaneProps {
  session: EditorSession;
  articlePath: string | null;
  assetUrl: (workspacePath: string) => string;
}

/**
 * The live preview. The HTML is morphed into the existing DOM so only changed blocks are touched
 * and the reader's scroll position survives every keystroke.
 */
export function PreviewPane({ session, articlePath, assetUrl }: PreviewPaneProps): React.JSX.Element {
  const { t } = useTranslation();
  const article = useRef<HTMLElement>(null);
  const snapshot = useSnapshot(session);

  useEffect(() => {
    if (!article.current) return;
    const html = snapshot ? renderArticlePreview(snapshot.text, { articlePath: articlePath ?? '', toAssetUrl: assetUrl }) : '';
    Idiomorph.morph(article.current, html, { morphStyle: 'innerHTML' });
    article.current.dataset.version = String(snapshot?.version ?? 0);
  }, [snapshot, articlePath, assetUrl]);

  return (
    <section className="preview-scroller" aria-label={t('preview.label')}>
      <article className="preview-article" ref={article} data-testid="preview" />
    </section>
  );
}
