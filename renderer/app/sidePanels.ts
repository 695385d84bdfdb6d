import { FrontMatterPanel } from '../frontMatter/FrontMatterPanel';
import type { SidePanelDescriptor } from '../panels/sidePanel';
import { referencesPanel } from '../references/referencesPanel';
import { outlinePanel } from '../outline/outlinePanel';

/** The side panels of the workbench, in order (descriptor type: renderer/panels/sidePanel.ts). */
export const sidePanels: SidePanelDescriptor[] = [
  {
    id: 'front-matter',
    titleKey: 'frontMatter.title',
    toggleCommand: 'view.toggleFrontMatterPanel',
    defaultOpen: true,
    width: 380,
    Component: FrontMatterPanel,
  },
  referencesPanel,
  outlinePanel,
];
