export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface PopupPlace {
  top: number;
  left: number;
  /** Opened upwards, for lack of room below the anchor. */
  flipped: boolean;
}

/**
 * Where a menu opened from `anchor` goes, in viewport coordinates: below the anchor with their
 * right edges aligned; above it when there is no room below; and never outside the viewport.
 */
export function placePopup(
  anchor: Box,
  popup: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 4,
  gap = 2,
): PopupPlace {
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - popup.height;
  const fitsBelow = below + popup.height <= viewport.height - margin;
  const fitsAbove = above >= margin;
  const flipped = !fitsBelow && fitsAbove;
  const top = fitsBelow
    ? below
    : flipped
      ? above
      : Math.max(margin, viewport.height - margin - popup.height);
  const rightAligned = anchor.left + anchor.width - popup.width;
  const left = Math.min(Math.max(margin, rightAligned), viewport.width - margin - popup.width);
  return { top, left: Math.max(margin, left), flipped };
}
