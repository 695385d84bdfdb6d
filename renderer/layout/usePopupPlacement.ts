import type { RefObject } from 'react';
import { useLayoutEffect, useState } from 'react';
import { placePopup } from './popupPlacement';

/**
 * Fixed-position style for an open popup menu, placed by `placePopup` against its anchor: it
 * escapes scrolling containers that would clip it and flips up near the bottom of the window.
 * Hidden until measured, so it never shows in the wrong place for a frame.
 */
export function usePopupPlacement(
  open: boolean,
  anchor: RefObject<HTMLElement | null>,
  popup: RefObject<HTMLElement | null>,
): React.CSSProperties {
  const [style, setStyle] = useState<React.CSSProperties>({
    position: 'fixed',
    visibility: 'hidden',
  });
  useLayoutEffect(() => {
    if (!open) return;
    const anchorBox = anchor.current?.getBoundingClientRect();
    const popupBox = popup.current?.getBoundingClientRect();
    if (!anchorBox || !popupBox) return;
    const place = placePopup(anchorBox, popupBox, {
      width: window.innerWidth,
      height: window.innerHeight,
    });
    setStyle({ position: 'fixed', top: place.top, left: place.left, right: 'auto' });
  }, [open, anchor, popup]);
  return open ? style : { position: 'fixed', visibility: 'hidden' };
}
