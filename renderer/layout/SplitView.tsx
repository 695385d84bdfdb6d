import type { ReactNode } from 'react';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Layout = 'editor' | 'split' | 'preview';

interface SplitViewProps {
  layout: Layout;
  /** Editor share of the width, 0.2-0.8. */
  ratio: number;
  onRatioChange(ratio: number): void;
  editor: ReactNode;
  preview: ReactNode;
}

const clamp = (value: number): number => Math.min(0.8, Math.max(0.2, value));

/**
 * Editor and preview side by side with a draggable (and keyboard-adjustable) divider. Both panes
 * stay mounted in every layout, so switching keeps the editor's state and the preview's scroll.
 */
export function SplitView({
  layout,
  ratio,
  onRatioChange,
  editor,
  preview,
}: SplitViewProps): React.JSX.Element {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [dragRatio, setDragRatio] = useState<number | null>(null);
  const shown = dragRatio ?? ratio;

  const onPointerDown = useCallback(
    (event: React.PointerEvent<HTMLDivElement>) => {
      const box = container.current?.getBoundingClientRect();
      if (!box) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      let latest = ratio;
      const move = (e: PointerEvent): void => {
        latest = clamp((e.clientX - box.left) / box.width);
        setDragRatio(latest);
      };
      const up = (): void => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        setDragRatio(null);
        onRatioChange(latest);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    },
    [ratio, onRatioChange],
  );

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLDivElement>) => {
      const step = event.shiftKey ? 0.1 : 0.02;
      if (event.key === 'ArrowLeft') onRatioChange(clamp(ratio - step));
      else if (event.key === 'ArrowRight') onRatioChange(clamp(ratio + step));
      else if (event.key === 'Home') onRatioChange(0.2);
      else if (event.key === 'End') onRatioChange(0.8);
      else if (event.key === 'Enter') onRatioChange(0.5);
      else return;
      event.preventDefault();
    },
    [ratio, onRatioChange],
  );

  // Hidden panes take no grid cell, so a single-pane layout is a single column.
  const columns =
    layout === 'split' ? `minmax(0, ${shown}fr) 6px minmax(0, ${1 - shown}fr)` : 'minmax(0, 1fr)';

  return (
    <div
      className={`split split-${layout}${dragRatio !== null ? ' split-dragging' : ''}`}
      ref={container}
      style={{ gridTemplateColumns: columns }}
      data-layout={layout}
      data-testid="split"
    >
      <div className="split-pane split-editor" hidden={layout === 'preview'}>
        {editor}
      </div>
      {layout === 'split' ? (
        <div
          className="split-divider"
          role="separator"
          aria-orientation="vertical"
          aria-label={t('layout.divider')}
          aria-valuemin={20}
          aria-valuemax={80}
          aria-valuenow={Math.round(shown * 100)}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onKeyDown={onKeyDown}
          onDoubleClick={() => onRatioChange(0.5)}
        />
      ) : null}
      <div className="split-pane split-preview" hidden={layout === 'editor'}>
        {preview}
      </div>
    </div>
  );
}
