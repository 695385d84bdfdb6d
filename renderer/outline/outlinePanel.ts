import type { SidePanelDescriptor } from '../panels/sidePanel';
import { OutlinePanel } from './OutlinePanel';

/** The outline (headings) as a side panel. */
export const outlinePanel: SidePanelDescriptor = {
  id: 'outline',
  titleKey: 'outline.title',
  toggleCommand: 'view.toggleOutlinePanel',
  Component: OutlinePanel,
};
