import { useEffect, useState } from 'react';

/** The editor keeps room for this many characters (CSS `ch`: the advance of "0" in its font). */
export const editorMinChars = 45;
/** Horizontal padding of an editor line (`.editor-host .cm-line` in styles/app.css), both sides. */
const linePadding = 64;
/** The line-number gutter and a scroll bar, generously. */
const gutterAllowance = 56;
const scrollbarAllowance = 12;

function measureChars(fontSize: number): number {
  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;top:0;left:0;font-family:var(--font-editor);font-size:${fontSize}px;width:${editorMinChars}ch`;
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}

/**
 * Narrowest the editor pane may get, in CSS pixels: `editorMinChars` characters of the editor's
 * font at its size, plus line padding (and the gutter when line numbers are on). Measured again
 * once web fonts have loaded, since the fallback font's "0" may be narrower.
 */
export function useEditorMinWidth(fontSize: number, lineNumbers: boolean): number {
  const [chars, setChars] = useState(() => measureChars(fontSize));
  useEffect(() => {
    let live = true;
    setChars(measureChars(fontSize));
    void document.fonts.ready.then(() => {
      if (live) setChars(measureChars(fontSize));
    });
    return () => {
      live = false;
    };
  }, [fontSize]);
  return Math.ceil(chars + linePadding + scrollbarAllowance + (lineNumbers ? gutterAllowance : 0));
}
