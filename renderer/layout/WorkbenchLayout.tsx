import type { ReactNode } from 'react';

export interface WorkbenchSlots {
  /** Left: the library (renderer/library). Omitted when hidden. */
  sidebar?: ReactNode;
  /** Above the editor: tabs of open articles. */
  tabs: ReactNode;
  /** Below the tabs: the formatting toolbar and view controls. */
  toolbar: ReactNode;
  /** Messages, conflict and recovery notices (renderer/files adds its own here). */
  banners?: ReactNode;
  /** The editor and preview, side by side or alone. */
  main: ReactNode;
  /** Right of the editor: docked panels (front matter form, references), in order. */
  sidePanels?: ReactNode;
  statusBar: ReactNode;
  /** Dialogs (settings, history) rendered above everything. */
  overlays?: ReactNode;
}

/** The window's grid. Pure layout: every slot is filled by App. */
export function WorkbenchLayout(slots: WorkbenchSlots): React.JSX.Element {
  return (
    <div className={slots.sidebar ? 'app-shell' : 'app-shell app-shell-no-sidebar'}>
      {slots.sidebar}
      <div className="workbench">
        <div className="workbench-top">
          {slots.tabs}
          {slots.toolbar}
        </div>
        {slots.banners}
        <div className="workbench-body">
          <div className="workbench-main">{slots.main}</div>
          {slots.sidePanels}
        </div>
        {slots.statusBar}
      </div>
      {slots.overlays}
    </div>
  );
}
