import type { Extension } from '@codemirror/state';
import type { ComponentType } from 'react';
import type { CommandId } from '../../shared/commands/commandRegistry';

/**
 * A panel docked to the right of the editor (front matter form, references manager, ...).
 *
 * To add one, append a descriptor to `sidePanels` in renderer/app/sidePanels.ts; the workbench renders it, wires its
 * toggle command (menu, shortcut) and remembers whether it is open. The component reads the
 * open article through `useWorkbench()` / `useArticleSnapshot()` and edits it only through
 * `useWorkbench().editor.dispatch(...)`, so undo covers its edits and IME input is never broken.
 */
export interface SidePanelDescriptor {
  id: string;
  /** i18n key of the panel title (also its aria-label). */
  titleKey: string;
  /** The View-menu command that shows and hides it. */
  toggleCommand?: CommandId;
  defaultOpen?: boolean;
  /** Preferred width in CSS pixels. */
  width?: number;
  Component: ComponentType<SidePanelProps>;
  /** Commands that open the panel and are then carried out by it (renderer/panels/panelCommands.ts). */
  openWith?: CommandId[];
  /** Editor extensions of the panel's feature, active whether the panel is shown or not. */
  editorExtensions?: () => Extension;
}

export interface SidePanelProps {
  /** Hides the panel (its close button). */
  onClose(): void;
}
