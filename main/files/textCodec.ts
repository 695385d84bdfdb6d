import type { EncodingCandidate, TextEncodingName, TextFormat } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { decodeBody, encodingLabel } from './charsets';
import type { EncodingHints } from './detectEncoding';
import { bomOf, detectEncoding } from './detectEncoding';
import { dominantEol } from './lineEndings';

export { encodeText } from './encodeText';
export { encodingLabel, unencodableCharacters } from './charsets';

export interface DecodedText {
  text: string;
  format: TextFormat;
}

const previewChars = 240;

/**
 * Bytes -> text for reading (library, export, history): the most likely reading when several
 * fit. Refuses binary files, damaged UTF-16 and bytes no supported encoding reads cleanly.
 */
export function decodeText(bytes: Uint8Array, hints: EncodingHints = {}): DecodedText {
  const decision = detect(bytes, hints);
  const encoding = decision.kind === 'decided' ? decision.encoding : decision.candidates[0];
  if (encoding === undefined) throw unknownEncoding();
  return decodeAs(bytes, encoding);
}

/**
 * Bytes -> text for editing: never a guess. When several encodings read the bytes cleanly and
 * nothing tells them apart, refuses with code `choose-encoding` (the writer picks from
 * `encodingCandidates`), because a wrong guess is saved back as different bytes.
 */
export function decodeForEditing(bytes: Uint8Array, hints: EncodingHints): DecodedText {
  const decision = detect(bytes, hints);
  if (decision.kind === 'ask') {
    throw new BylineError(
      'choose-encoding',
      `Byline cannot tell whether this short file is ${decision.candidates.map(encodingLabel).join(' or ')}; ` +
        'choose how to read it.',
    );
  }
  return decodeAs(bytes, decision.encoding);
}

/** The readings to offer when `decodeForEditing` refused, most likely first. */
export function encodingCandidates(bytes: Uint8Array, hints: EncodingHints): EncodingCandidate[] {
  const decision = detect(bytes, hints);
  const encodings = decision.kind === 'ask' ? decision.candidates : [decision.encoding];
  return encodings.map((encoding) => ({
    encoding,
    preview: decodeAs(bytes, encoding).text.slice(0, previewChars),
  }));
}

/** Bytes -> text in a given encoding (a BOM of that encoding is recognised), refusing damaged bytes. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  const bom = bomOf(bytes);
  const hasBom = bom?.encoding === encoding;
  const text = decodeBody(hasBom ? bytes.subarray(bom.length) : bytes, encoding);
  if (text === null) {
    throw new BylineError(
      'undecodable',
      `This file cannot be read as ${encodingLabel(encoding)} without damaging it; it was not opened.`,
    );
  }
  return { text, format: { encoding, bom: hasBom, eol: dominantEol(text) } };
}

function detect(
  bytes: Uint8Array,
  hints: EncodingHints,
): Exclude<ReturnType<typeof detectEncoding>, { kind: 'unknown' }> {
  if (!bomOf(bytes) && looksBinary(bytes)) {
    throw new BylineError(
      'binary-file',
      'This looks like a binary file, not a Markdown article. Byline did not open it.',
    );
  }
  const decision = detectEncoding(bytes, hints);
  if (decision.kind === 'unknown') throw unknownEncoding();
  return decision;
}

function unknownEncoding(): BylineError {
  return new BylineError(
    'unknown-encoding',
    'The file is not UTF-8, GB18030 or Big5, and Byline will not guess its encoding. It was not opened.',
  );
}

function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 text has NULs too; it is recognised by its BOM before this check.
  return bytes.subarray(0, 8000).includes(0);
}
