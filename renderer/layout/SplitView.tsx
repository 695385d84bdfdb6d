import type { ReactNode } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Splitter } from './Splitter';

export type Layout = 'editor' | 'split' | 'preview';

interface SplitViewProps {
  layout: Layout;
  /** Editor share of the width, 0.2-0.8. */
  ratio: number;
  onRatioChange(ratio: number): void;
  /** The editor pane never gets narrower than this (CSS pixels), whatever the ratio. */
  editorMinWidth: number;
  editor: ReactNode;
  preview: ReactNode;
}

/**
 * Editor and preview side by side with a draggable (and keyboard-adjustable) divider. Both panes
 * stay mounted in every layout, so switching keeps the editor's state and the preview's scroll.
 */
export function SplitView({
  layout,
  ratio,
  onRatioChange,
  editorMinWidth,
  editor,
  preview,
}: SplitViewProps): React.JSX.Element {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [dragPercent, setDragPercent] = useState<number | null>(null);
  const percent = dragPercent ?? Math.round(ratio * 100);

  // Hidden panes take no grid cell, so a single-pane layout is a single column. The editor's
  // minimum wins over the ratio: the preview gives way first. Flex factors in percent: factors
  // summing to less than 1 would leave part of the width unused once the editor hits its minimum.
  const columns =
    layout === 'split'
      ? `minmax(min(${editorMinWidth}px, 100%), ${percent}fr) 6px minmax(0, ${100 - percent}fr)`
      : 'minmax(0, 1fr)';

  return (
    <div
      className={`split split-${layout}${dragPercent !== null ? ' split-dragging' : ''}`}
      ref={container}
      style={{ gridTemplateColumns: columns }}
      data-layout={layout}
      data-testid="split"
    >
      <div className="split-pane split-editor" hidden={layout === 'preview'}>
        {editor}
      </div>
      {layout === 'split' ? (
        <Splitter
          className="split-divider"
          label={t('layout.divider')}
          value={percent}
          min={20}
          max={80}
          grows="right"
          unitsPerPixel={() => 100 / (container.current?.getBoundingClientRect().width || 1000)}
          step={2}
          resetValue={50}
          onChange={(value, final) => {
            const rounded = Math.round(value);
            setDragPercent(final ? null : rounded);
            if (final) onRatioChange(rounded / 100);
          }}
        />
      ) : null}
      <div className="split-pane split-preview" hidden={layout === 'editor'}>
        {preview}
      </div>
    </div>
  );
}
