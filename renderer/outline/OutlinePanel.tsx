import { EditorView } from '@codemirror/view';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SidePanelProps } from '../panels/sidePanel';
import { useCursor } from '../workbench/editorSession';
import { useArticleSnapshot, useWorkbench } from '../workbench/workbenchContext';
import type { Section } from './sections';
import { articleSections, currentSectionIndex, moveSection } from './sections';
import './outline.css';

interface DropTarget {
  index: number;
  place: 'before' | 'after';
}

/**
 * The headings of the open article: click one to jump to it, drag one (or Alt+↑/↓) to move its
 * whole section. The section holding the cursor is marked as it moves.
 */
export function OutlinePanel({ onClose }: SidePanelProps): React.JSX.Element {
  const { t } = useTranslation();
  const { editor, activeTab } = useWorkbench();
  const snapshot = useArticleSnapshot();
  const cursor = useCursor(editor);
  const text = snapshot?.text ?? null;
  const sections = useMemo(() => (text === null ? [] : articleSections(text)), [text]);
  const current = currentSectionIndex(sections, cursor.line);
  const [dragging, setDragging] = useState<number | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const topLevel = Math.min(...sections.map((s) => s.level));

  const jump = (section: Section): void => {
    editor.dispatch((view) => {
      view.focus();
      const line = view.state.doc.line(Math.min(section.line, view.state.doc.lines));
      return {
        selection: { anchor: line.to },
        effects: EditorView.scrollIntoView(line.from, { y: 'start', yMargin: 24 }),
        userEvent: 'select',
      };
    });
  };

  /** Moves against the editor's current text (the snapshot may be a moment old). */
  const move = (moving: number, target: DropTarget): void => {
    editor.dispatch((view) => {
      const live = view.state.doc.toString();
      const liveSections = articleSections(live);
      // The same heading at the same place in the list, or the outline was out of date: no move.
      const same = (index: number): number => {
        const shown = sections[index];
        const now = liveSections[index];
        return shown && now && shown.title === now.title && shown.level === now.level ? index : -1;
      };
      const changes = moveSection(
        live,
        liveSections,
        same(moving),
        same(target.index),
        target.place,
      );
      if (!changes) return null;
      return { changes, userEvent: 'move.section', scrollIntoView: true };
    });
  };

  /** Alt+↑/↓: swap with the previous or next section of the same level. */
  const onKeyDown = (event: React.KeyboardEvent, index: number): void => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const section = sections[index];
    if (!section) return;
    event.preventDefault();
    const up = event.key === 'ArrowUp';
    const siblings = sections
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.level === section.level);
    const at = siblings.findIndex(({ i }) => i === index);
    const other = siblings[at + (up ? -1 : 1)];
    if (!other) return;
    move(index, { index: other.i, place: up ? 'before' : 'after' });
  };

  return (
    <div className="outline-panel" data-testid="outline-panel">
      <header className="outline-header">
        <h2 className="outline-title">{t('outline.title')}</h2>
        <button
          type="button"
          className="outline-close"
          onClick={onClose}
          aria-label={t('outline.close')}
          title={t('outline.close')}
        >
          ×
        </button>
      </header>
      {!activeTab ? (
        <p className="outline-hint">{t('outline.noArticle')}</p>
      ) : sections.length === 0 ? (
        <p className="outline-hint">{t('outline.empty')}</p>
      ) : (
        <>
          <p className="outline-hint">{t('outline.hint')}</p>
          <ol className="outline-list" aria-label={t('outline.title')}>
            {sections.map((section, index) => (
              <li
                key={`${section.from}:${section.title}`}
                className="outline-item"
                data-level={section.level}
                data-drop={drop?.index === index ? drop.place : undefined}
                data-dragging={dragging === index || undefined}
                style={{ paddingLeft: 8 + (section.level - topLevel) * 14 }}
                draggable
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('application/x-byline-section', String(index));
                  setDragging(index);
                }}
                onDragOver={(event) => {
                  if (dragging === null) return;
                  event.preventDefault();
                  const box = event.currentTarget.getBoundingClientRect();
                  const place = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
                  if (drop?.index !== index || drop.place !== place) setDrop({ index, place });
                }}
                onDragLeave={() => setDrop((d) => (d?.index === index ? null : d))}
                onDrop={(event) => {
                  event.preventDefault();
                  if (dragging !== null && drop) move(dragging, drop);
                  setDragging(null);
                  setDrop(null);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setDrop(null);
                }}
              >
                <button
                  type="button"
                  className="outline-link"
                  aria-current={index === current ? 'location' : undefined}
                  onClick={() => jump(section)}
                  onKeyDown={(event) => onKeyDown(event, index)}
                >
                  {section.title || t('outline.untitled')}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
