import type { TextFormat } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';

export interface DecodedText {
  text: string;
  format: TextFormat;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes -> text, refusing to guess silently. Strict UTF-8 first (Typora #123 saved Chinese as "?"
 * after guessing ASCII); other encodings are detected in detectEncoding.ts.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (looksBinary(bytes)) {
    throw new BylineError('binary-file', 'This looks like a binary file, not a Markdown article.');
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = utf8Strict.decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    throw new BylineError('unknown-encoding', 'The file is not valid UTF-8 and its encoding could not be recognised.');
  }
  return { text, format: { encoding: 'utf-8', bom: hasBom, eol: dominantEol(text) } };
}

export function encodeText(text: string, format: TextFormat): Uint8Array {
  const withEol = format.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n');
  const body = new TextEncoder().encode(withEol);
  if (!format.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function dominantEol(text: string): '\n' | '\r\n' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8000);
  // UTF-16 text has NULs too; it announces itself with a BOM.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}
