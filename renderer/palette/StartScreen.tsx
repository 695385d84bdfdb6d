import { useTranslation } from 'react-i18next';
import type { CommandId } from '../../shared/commands/commandRegistry';
import {
  acceleratorFor,
  commandById,
  displayAccelerator,
} from '../../shared/commands/commandRegistry';
import { useCommandHandlers } from '../workbench/commandHandlers';
import { workspaceName } from './paletteItems';
import type { Recents } from './useRecents';

const startCommands: CommandId[] = [
  'file.newArticle',
  'file.openFile',
  'file.openWorkspace',
  'help.commandPalette',
];

/** What the editor area shows with no article open: first steps, recent articles and workspaces. */
export function StartScreen({
  platform,
  recents,
}: {
  platform: string;
  recents: Recents;
}): React.JSX.Element {
  const { t } = useTranslation();
  const handlers = useCommandHandlers();
  const palette = commandById('help.commandPalette');
  const paletteKeys = displayAccelerator(acceleratorFor(palette, platform) ?? '', platform);
  return (
    <div className="start-screen" data-testid="start-screen">
      <h2 className="start-title">{t('palette.start.title')}</h2>
      <p className="start-body">{t('editor.noArticle')}</p>
      <p className="start-body">{t('editor.noArticleHint')}</p>
      <div className="start-actions">
        {startCommands.map((id) => (
          <button
            key={id}
            type="button"
            className="start-action"
            data-command={id}
            onClick={() => handlers.run(id, 'toolbar')}
          >
            {t(commandById(id).labelKey)}
          </button>
        ))}
      </div>
      <div className="start-lists">
        <section aria-labelledby="start-recent-articles">
          <h3 id="start-recent-articles">{t('palette.start.recentArticles')}</h3>
          {recents.articles.length === 0 ? (
            <p className="start-empty">{t('palette.start.noRecentArticles')}</p>
          ) : (
            <ul>
              {recents.articles.map((article) => (
                <li key={article.path}>
                  <button
                    type="button"
                    className="start-recent"
                    data-path={article.path}
                    onClick={() => recents.openArticle(article.path)}
                  >
                    <span className="start-recent-name">{article.title}</span>
                    <span className="start-recent-detail">{article.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {recents.workspaces.length > 0 ? (
          <section aria-labelledby="start-recent-workspaces">
            <h3 id="start-recent-workspaces">{t('palette.start.recentWorkspaces')}</h3>
            <ul>
              {recents.workspaces.map((root) => (
                <li key={root}>
                  <button
                    type="button"
                    className="start-recent"
                    data-root={root}
                    onClick={() => recents.openWorkspace(root)}
                  >
                    <span className="start-recent-name">{workspaceName(root)}</span>
                    <span className="start-recent-detail">{root}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <p className="start-hint">{t('palette.start.paletteHint', { shortcut: paletteKeys })}</p>
    </div>
  );
}
