import DOMPurify from 'dompurify';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useCommandHandler } from '../workbench/commandHandlers';
import { useWorkbench } from '../workbench/workbenchContext';
import './print.css';

interface PrintPage {
  html: string;
  css: string;
  lang: string;
}

/**
 * File › Print (Ctrl/Cmd+P): prints the open article as the export theme sets it, never the app.
 * The article (rendered and sanitized in main, sanitized again here) sits in a page-level element
 * that only print media shows (print.css hides everything else); the theme's stylesheet applies
 * to print media only. Electron prints through webContents.print (`export.printWindow`); the
 * browser prints itself.
 */
export function PrintHost(): React.JSX.Element | null {
  const { api, activeTab, editor } = useWorkbench();
  const [page, setPage] = useState<PrintPage | null>(null);
  const rendered = useRef<(() => void) | null>(null);
  const root = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    rendered.current?.();
    rendered.current = null;
  }, [page]);

  const print = async (): Promise<void> => {
    if (!activeTab) return;
    const settings = await api['export.getSettings']();
    const result = await api['export.renderForPrint']({
      path: activeTab.path,
      text: editor.text(),
      theme: settings.options.theme,
    });
    await new Promise<void>((resolve) => {
      rendered.current = resolve;
      // TrustedHTML from DOMPurify's own policy: the page's CSP requires Trusted Types for HTML
      // sinks; the DOM typings know no TrustedHTML, React passes it through as is.
      const html = DOMPurify.sanitize(result.html, { RETURN_TRUSTED_TYPE: true });
      setPage({ ...result, html: html as unknown as string });
    });
    // Pictures are data: URIs; decoded before the page is laid out for paper.
    await Promise.all(
      [...(root.current?.querySelectorAll('img') ?? [])].map((img) => img.decode().catch(() => {})),
    );
    const { handled } = await api['export.printWindow']();
    if (!handled) window.print();
  };

  useCommandHandler('file.print', () => void print(), activeTab !== null);

  if (!page) return null;
  return createPortal(
    <div className="print-root" ref={root} data-testid="print-root">
      <style media="print">{page.css}</style>
      <article
        className="article"
        lang={page.lang}
        dangerouslySetInnerHTML={{ __html: page.html }}
      />
    </div>,
    document.body,
  );
}
