import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../toolbar/icons';
import type { PeekedPane } from './usePaneLayout';

interface CollapsedRailProps {
  collapsed: { library: boolean; side: boolean };
  peek: PeekedPane;
  onPeek(pane: PeekedPane): void;
}

/**
 * The strip that replaces panes collapsed for lack of room: each button shows its pane over the
 * editor until Escape, a click elsewhere, or the button again.
 */
export function CollapsedRail({
  collapsed,
  peek,
  onPeek,
}: CollapsedRailProps): React.JSX.Element | null {
  const { t } = useTranslation();
  useEffect(() => {
    if (peek === null) return undefined;
    const close = (event: MouseEvent | KeyboardEvent): void => {
      if (event instanceof KeyboardEvent) {
        if (event.key === 'Escape') onPeek(null);
        return;
      }
      const target = event.target as Element | null;
      if (!target?.closest('.pane-peek, .collapsed-rail')) onPeek(null);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [peek, onPeek]);
  if (!collapsed.library && !collapsed.side) return null;
  const button = (
    pane: 'library' | 'side',
    label: string,
    icon: 'view.toggleSidebar' | 'sidePanels',
  ) => (
    <button
      type="button"
      className="collapsed-rail-button"
      aria-label={label}
      title={label}
      aria-expanded={peek === pane}
      data-testid={`rail-${pane}`}
      onClick={() => onPeek(peek === pane ? null : pane)}
    >
      <Icon name={icon} />
    </button>
  );
  return (
    <nav className="collapsed-rail" aria-label={t('layout.collapsedPanes')}>
      {collapsed.library ? button('library', t('layout.showLibrary'), 'view.toggleSidebar') : null}
      {collapsed.side ? button('side', t('layout.showPanels'), 'sidePanels') : null}
    </nav>
  );
}
