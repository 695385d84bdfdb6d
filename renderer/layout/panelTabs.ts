/**
 * The docked side panels as tabs of one column: which are open (in tab order) and which one is
 * shown. Pure, so the rules are tested without a window.
 */
export interface PanelTabs {
  open: readonly string[];
  active: string | null;
}

/** Opens the panel (at the end of the tabs) and shows it. */
export function showPanel(tabs: PanelTabs, id: string): PanelTabs {
  return { open: tabs.open.includes(id) ? tabs.open : [...tabs.open, id], active: id };
}

/** Closes the panel; the tab before it (or else after it) is shown if it was the shown one. */
export function closePanel(tabs: PanelTabs, id: string): PanelTabs {
  const at = tabs.open.indexOf(id);
  if (at < 0) return tabs;
  const open = tabs.open.filter((panel) => panel !== id);
  const active = tabs.active === id ? (open[Math.max(0, at - 1)] ?? null) : tabs.active;
  return { open, active };
}

/** A toggle command: shows a closed or background panel, closes the panel being shown. */
export function togglePanel(tabs: PanelTabs, id: string): PanelTabs {
  return tabs.active === id && tabs.open.includes(id) ? closePanel(tabs, id) : showPanel(tabs, id);
}

/** Tabs as stored, keeping only panels that exist and a shown panel that is open. */
export function sanitizePanelTabs(tabs: PanelTabs, known: readonly string[]): PanelTabs {
  const open = [...new Set(tabs.open)].filter((id) => known.includes(id));
  const active =
    tabs.active !== null && open.includes(tabs.active) ? tabs.active : (open[0] ?? null);
  return { open, active };
}
