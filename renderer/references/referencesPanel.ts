import type { SidePanelDescriptor } from '../panels/sidePanel';
import { footnoteEditorExtensions } from './footnoteEditor';
import { ReferencesPanel } from './ReferencesPanel';

/** The reference manager as a side panel, with its editor helpers (hover, completion, marks). */
export const referencesPanel: SidePanelDescriptor = {
  id: 'references',
  titleKey: 'references.title',
  toggleCommand: 'view.toggleReferencesPanel',
  openWith: ['insert.citation'],
  width: 360,
  Component: ReferencesPanel,
  editorExtensions: footnoteEditorExtensions,
};
