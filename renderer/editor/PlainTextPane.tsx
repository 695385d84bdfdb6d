import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDocument } from '../document/articleDocument';

/**
 * The article as a plain text field, for when the editor itself failed on it: the writer can still
 * read, change and save the text (it edits the same document, so saving and the journal work).
 */
export function PlainTextPane({ document }: { document: ArticleDocument }): React.JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState(() => document.text());
  useEffect(() => setText(document.text()), [document]);
  return (
    <textarea
      className="plain-text-pane"
      data-testid="plain-text-pane"
      aria-label={t('editor.label')}
      spellCheck={false}
      value={text}
      readOnly={document.info.readOnly}
      onChange={(event) => {
        setText(event.target.value);
        document.replaceText(event.target.value);
      }}
    />
  );
}
