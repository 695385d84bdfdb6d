import DOMPurify from 'dompurify';

/**
 * Puts rich text on the clipboard as text/html + text/plain, the way WeChat's editor and most
 * CMS editors take a paste. The HTML was sanitized in main; it is sanitized again here (paste is
 * an export path too) with inline styles kept, and nothing that runs.
 */
function sanitizeForClipboard(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: [
      'style',
      'script',
      'iframe',
      'form',
      'link',
      'meta',
      'svg',
      'math',
      'object',
      'embed',
    ],
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}

export async function copyRichText(html: string, text: string): Promise<void> {
  const safe = sanitizeForClipboard(html);
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([safe], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  // Older engines: a copy event we fill ourselves.
  const onCopy = (event: ClipboardEvent): void => {
    event.clipboardData?.setData('text/html', safe);
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    if (!document.execCommand('copy')) throw new Error('the browser refused to copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
