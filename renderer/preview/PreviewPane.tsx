import { Idiomorph } from 'idiomorph';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface PreviewPaneProps {
  html: string;
}

/**
 * The live preview. The HTML is morphed into the existing DOM so only changed blocks are touched
 * and the reader's scroll position survives every keystroke.
 */
export function PreviewPane({ html }: PreviewPaneProps): React.JSX.Element {
  const { t } = useTranslation();
  const article = useRef<HTMLElement>(null);

  useEffect(() => {
    if (article.current) Idiomorph.morph(article.current, html, { morphStyle: 'innerHTML' });
  }, [html]);

  return (
    <section className="preview-scroller" aria-label={t('preview.label')}>
      <article className="preview-article" ref={article} data-testid="preview" />
    </section>
  );
}
