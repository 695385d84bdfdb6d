import { useTranslation } from 'react-i18next';
import type { ArticleTab } from '../workbench/workbenchContext';
import { Icon } from '../toolbar/icons';

interface TabsBarProps {
  tabs: readonly ArticleTab[];
  activeId: string | null;
  onSelect(id: string): void;
  onClose(id: string): void;
}

/**
 * Open articles, as a WAI-ARIA tab list: only tabs inside it for assistive technology, arrow keys
 * move between them and Delete closes the focused one (as Ctrl+W does). The close buttons are for
 * the mouse. Unsaved tabs carry a dot (and say so to screen readers).
 */
export function TabsBar({ tabs, activeId, onSelect, onClose }: TabsBarProps): React.JSX.Element {
  const { t } = useTranslation();
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Delete' && activeId) {
      event.preventDefault();
      onClose(activeId);
      return;
    }
    if (!['ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const index = tabs.findIndex((tab) => tab.id === activeId);
    const next = tabs[(index + (event.key === 'ArrowLeft' ? tabs.length - 1 : 1)) % tabs.length];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    requestAnimationFrame(() =>
      event.currentTarget.ownerDocument
        .querySelector<HTMLElement>(`[role="tab"][data-tab-id="${CSS.escape(next.id)}"]`)
        ?.focus(),
    );
  };
  return (
    <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const active = tab.id === activeId;
        return (
          <div
            key={tab.id}
            role="presentation"
            className={active ? 'tab tab-active' : 'tab'}
            data-dirty={tab.dirty || undefined}
          >
            <button
              type="button"
              role="tab"
              className="tab-title"
              data-tab-id={tab.id}
              aria-selected={active}
              tabIndex={active ? 0 : -1}
              title={tab.untitled ? t('tabs.untitledHint') : (tab.standalone ?? tab.path)}
              data-standalone={tab.standalone !== null || undefined}
              data-untitled={tab.untitled || undefined}
              onClick={() => onSelect(tab.id)}
              onAuxClick={(event) => {
                if (event.button === 1) onClose(tab.id);
              }}
            >
              <span className="tab-label">{tab.title}</span>
              {tab.dirty ? (
                <span
                  className="tab-dirty"
                  role="img"
                  aria-label={t('tabs.unsaved')}
                  data-testid="tab-dirty"
                >
                  ●
                </span>
              ) : null}
            </button>
            <button
              type="button"
              className="tab-close"
              aria-label={t('tabs.close', { title: tab.title })}
              title={t('tabs.close', { title: tab.title })}
              aria-hidden="true"
              tabIndex={-1}
              onClick={() => onClose(tab.id)}
            >
              <Icon name="close" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
