import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SideColumnPanel {
  id: string;
  /** Already translated. */
  title: string;
  /** Rendered only while the panel is the shown tab. */
  render(): ReactNode;
}

interface SideColumnProps {
  panels: readonly SideColumnPanel[];
  activeId: string | null;
  onActivate(id: string): void;
}

const tabId = (id: string): string => `side-tab-${id}`;
const panelId = (id: string): string => `side-panel-${id}`;

/**
 * The docked side panels as tabs of one column: one panel shown at a time, at full width. Each
 * panel has its own title and close button, so a single panel needs no tab strip.
 */
export function SideColumn({ panels, activeId, onActivate }: SideColumnProps): React.JSX.Element {
  const { t } = useTranslation();
  const active = panels.find((panel) => panel.id === activeId) ?? panels[0];

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key as 'ArrowLeft' | 'ArrowRight'];
    if (!step || !active) return;
    const at = panels.indexOf(active);
    const next = panels[(at + step + panels.length) % panels.length];
    if (!next) return;
    event.preventDefault();
    onActivate(next.id);
    requestAnimationFrame(() => document.getElementById(tabId(next.id))?.focus());
  };

  return (
    <div className="side-column" aria-label={t('layout.panels')} role="region">
      {panels.length > 1 ? (
        <div
          className="side-column-tabs"
          role="tablist"
          aria-label={t('layout.panels')}
          onKeyDown={onKeyDown}
        >
          {panels.map((panel) => {
            const selected = panel === active;
            return (
              <button
                key={panel.id}
                type="button"
                role="tab"
                id={tabId(panel.id)}
                className="side-column-tab"
                aria-selected={selected}
                aria-controls={panelId(panel.id)}
                tabIndex={selected ? 0 : -1}
                data-panel-tab={panel.id}
                onClick={() => onActivate(panel.id)}
              >
                {panel.title}
              </button>
            );
          })}
        </div>
      ) : null}
      {active ? (
        <section
          key={active.id}
          id={panelId(active.id)}
          className="side-panel"
          {...(panels.length > 1
            ? { role: 'tabpanel', 'aria-labelledby': tabId(active.id) }
            : { 'aria-label': active.title })}
          data-panel={active.id}
        >
          {active.render()}
        </section>
      ) : null}
    </div>
  );
}
