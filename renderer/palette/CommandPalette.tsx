import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaletteItem } from './paletteItems';
import { filterPaletteItems } from './paletteItems';

interface CommandPaletteProps {
  items: readonly PaletteItem[];
  /** Rows whose command has no handler now: shown, but running them only says so. */
  isEnabled(item: PaletteItem): boolean;
  onRun(item: PaletteItem): void;
  onClose(): void;
}

/**
 * The palette: a combobox (the search field) owning a listbox of rows, the WAI-ARIA pattern with
 * `aria-activedescendant`, so the focus stays in the field while arrows move the active row.
 */
export function CommandPalette({
  items,
  isEnabled,
  onRun,
  onClose,
}: CommandPaletteProps): React.JSX.Element {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (index: number): string => `${baseId}-option-${index}`;
  const shown = useMemo(() => filterPaletteItems(items, query), [items, query]);
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    list.current
      ?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, shown]);

  const run = (item: PaletteItem | undefined): void => {
    if (item) onRun(item);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing) return;
    const last = shown.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: activeIndex >= last ? 0 : activeIndex + 1,
      ArrowUp: activeIndex <= 0 ? last : activeIndex - 1,
      PageDown: Math.min(activeIndex + 8, last),
      PageUp: Math.max(activeIndex - 8, 0),
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(moves[event.key] ?? 0, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(shown[activeIndex]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      // The palette is modal and has one control: keep the focus in it.
      event.preventDefault();
    }
  };

  return (
    <div
      className="palette-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div className="palette" role="dialog" aria-modal="true" aria-label={t('palette.title')}>
        <input
          ref={input}
          className="palette-input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-label={t('palette.inputLabel')}
          aria-activedescendant={shown.length > 0 ? optionId(activeIndex) : undefined}
          placeholder={t('palette.placeholder')}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul
          ref={list}
          id={listId}
          className="palette-list"
          role="listbox"
          aria-label={t('palette.results')}
        >
          {shown.map((item, index) => {
            const enabled = isEnabled(item);
            return (
              <li
                key={item.key}
                id={optionId(index)}
                data-index={index}
                data-key={item.key}
                role="option"
                aria-selected={index === activeIndex}
                aria-disabled={enabled ? undefined : true}
                className={[
                  'palette-option',
                  index === activeIndex ? 'palette-option-active' : '',
                  enabled ? '' : 'palette-option-disabled',
                ].join(' ')}
                onMouseMove={() => index !== activeIndex && setActive(index)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(item)}
              >
                <span className="palette-option-text">
                  <span className="palette-option-label">{item.label}</span>
                  {item.detail ? (
                    <span className="palette-option-detail">{item.detail}</span>
                  ) : null}
                </span>
                <span className="palette-option-kind">{t(`palette.kinds.${item.kind}`)}</span>
                {item.shortcut ? (
                  <kbd className="palette-option-shortcut">{item.shortcut}</kbd>
                ) : null}
              </li>
            );
          })}
        </ul>
        {shown.length === 0 ? (
          <p className="palette-empty" role="status">
            {t('palette.noResults', { query })}
          </p>
        ) : null}
        <p className="palette-hint">{t('palette.hint')}</p>
      </div>
    </div>
  );
}
