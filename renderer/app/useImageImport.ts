import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi } from '../../shared/ipc/contract';
import { dispatchWhenIdle } from '../document/compositionQueue';
import { asBlock } from '../editor/blockInsert';
import { imageMarkdown } from '../editor/formatCommands';
import { fileToBase64 } from '../editor/imageDrop';
import { trackPosition } from '../editor/positionTracker';
import type { EditorSession } from '../workbench/editorSession';
import { useLatest } from '../workbench/useLatest';
import type { ArticleTab } from '../workbench/workbenchContext';

interface ImageImportOptions {
  api: BylineApi;
  session: EditorSession;
  activeTab: ArticleTab | null;
  notify(message: string): void;
}

/** Alt text from a file name: "IMG_2041 (2).JPG" -> "IMG_2041 (2)". */
const altFromFileName = (name: string): string =>
  name
    .replace(/\.[^.]+$/, '')
    .replace(/[[\]]/g, '')
    .trim();

/**
 * Pasted, dropped or picked images: each file is copied by main (`asset.import`) next to the
 * article or into the workspace's images folder, then its Markdown link is inserted where the
 * image was dropped (that position follows any typing that happens meanwhile), as a paragraph
 * of its own.
 */
export function useImageImport({ api, session, activeTab, notify }: ImageImportOptions): {
  importFiles(files: File[], pos: number): void;
  pick(): boolean;
} {
  const { t } = useTranslation();
  const tabRef = useLatest(activeTab);

  const importFiles = useCallback(
    (files: File[], pos: number) => {
      const view = session.view;
      const tab = tabRef.current;
      if (!view || !tab) return;
      const target = trackPosition(view, pos);
      void (async () => {
        const links: string[] = [];
        for (const file of files) {
          try {
            const imported = await api['asset.import']({
              workspace: tab.workspace,
              articlePath: tab.path,
              fileName: file.name || 'image',
              dataBase64: await fileToBase64(file),
            });
            links.push(imageMarkdown(altFromFileName(file.name), imported.markdownPath));
          } catch (error) {
            notify(t('images.failed', { name: file.name, message: (error as Error).message }));
          }
        }
        dispatchWhenIdle(view, () => {
          const at = target.current();
          target.release();
          if (at === null || links.length === 0) return null;
          const { insert, cursor } = asBlock(view.state.doc, at, links.join('\n\n'));
          return {
            changes: { from: at, insert },
            selection: { anchor: cursor },
            userEvent: 'input.paste',
            scrollIntoView: true,
          };
        });
      })();
    },
    [api, notify, session, t, tabRef],
  );

  const pick = useCallback((): boolean => {
    const view = session.view;
    if (!view || !tabRef.current) return false;
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/png,image/jpeg,image/gif,image/webp,image/avif';
    input.multiple = true;
    input.setAttribute('aria-label', t('images.pickerLabel'));
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      if (files.length > 0) importFiles(files, view.state.selection.main.head);
    });
    input.click();
    return true;
  }, [importFiles, session, t, tabRef]);

  return useMemo(() => ({ importFiles, pick }), [importFiles, pick]);
}
