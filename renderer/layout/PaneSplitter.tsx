import { useTranslation } from 'react-i18next';
import { Splitter } from './Splitter';
import type { PaneLayoutState } from './usePaneLayout';
import { paneLimits } from './usePaneLayout';

/** The splitter beside the library (on its right) or the side column (on its left). */
export function PaneSplitter({
  pane,
  panes,
}: {
  pane: 'library' | 'side';
  panes: PaneLayoutState;
}): React.JSX.Element {
  const { t } = useTranslation();
  const library = pane === 'library';
  const preferred = library ? panes.libraryWidth : panes.sideWidth;
  return (
    <Splitter
      label={t(library ? 'layout.resizeLibrary' : 'layout.resizePanels')}
      value={(library ? panes.fit.library : panes.fit.side) ?? preferred}
      min={paneLimits[pane].min}
      max={library ? panes.libraryMax : panes.sideMax}
      grows={library ? 'right' : 'left'}
      step={16}
      resetValue={paneLimits[pane].preferred}
      onChange={library ? panes.setLibraryWidth : panes.setSideWidth}
      testId={`${pane}-splitter`}
    />
  );
}
