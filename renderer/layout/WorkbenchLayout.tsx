import type { ReactNode } from 'react';
import type { PeekedPane } from './usePaneLayout';
import './layout.css';

export interface WorkbenchSlots {
  /** Left: the library (renderer/library). Omitted when hidden. */
  sidebar?: ReactNode;
  /** Width of the docked library; null when hidden or collapsed. */
  libraryWidth: number | null;
  /** Between the library and the workbench. */
  librarySplitter?: ReactNode;
  /** Above the editor: tabs of open articles. */
  tabs: ReactNode;
  /** Below the tabs: the formatting toolbar and view controls. */
  toolbar: ReactNode;
  /** Messages, conflict and recovery notices (renderer/files adds its own here). */
  banners?: ReactNode;
  /** The editor and preview, side by side or alone. */
  main: ReactNode;
  /** Right of the editor: the docked panels (front matter form, references, outline) as tabs. */
  sidePanels?: ReactNode;
  /** Width of the side column; null when no panel is open or it is collapsed. */
  sideWidth: number | null;
  /** Between the editor area and the side column. */
  sideSplitter?: ReactNode;
  /** Left edge: buttons for panes collapsed for lack of room. */
  rail?: ReactNode;
  /** A collapsed pane shown over the editor for a moment. */
  peek: PeekedPane;
  statusBar: ReactNode;
  /** Dialogs (settings, history) rendered above everything. */
  overlays?: ReactNode;
}

/** The window's panes. Pure layout: every slot and width is decided by App and usePaneLayout. */
export function WorkbenchLayout(slots: WorkbenchSlots): React.JSX.Element {
  const docked = slots.libraryWidth !== null && slots.sidebar;
  return (
    <div className="app-shell">
      {slots.rail}
      {docked ? (
        <>
          <div className="pane-library" style={{ width: slots.libraryWidth ?? undefined }}>
            {slots.sidebar}
          </div>
          {slots.librarySplitter}
        </>
      ) : null}
      {slots.peek === 'library' && !docked ? (
        <div className="pane-peek pane-peek-library" data-testid="peek-library">
          {slots.sidebar}
        </div>
      ) : null}
      <div className="workbench">
        <div className="workbench-top">
          {slots.tabs}
          {slots.toolbar}
        </div>
        {slots.banners}
        <div className="workbench-body">
          <div className="workbench-main">{slots.main}</div>
          {slots.sideWidth !== null && slots.sidePanels ? (
            <>
              {slots.sideSplitter}
              <div className="pane-side" style={{ width: slots.sideWidth }}>
                {slots.sidePanels}
              </div>
            </>
          ) : null}
          {slots.peek === 'side' && slots.sideWidth === null && slots.sidePanels ? (
            <div className="pane-peek pane-peek-side" data-testid="peek-side">
              {slots.sidePanels}
            </div>
          ) : null}
        </div>
        {slots.statusBar}
      </div>
      {slots.overlays}
    </div>
  );
}
