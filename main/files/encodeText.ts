import type { TextEncodingName, TextFormat } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { decodeBody, encodeBody, encodingLabel, unencodableCharacters } from './charsets';
import { bomOf } from './detectEncoding';
import type { PlannedLine } from './lineEndings';
import { joinLines, planLineEndings, splitLines } from './lineEndings';

const boms: Record<TextEncodingName, readonly number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  gb18030: [],
  big5: [],
};

interface Original {
  body: Uint8Array;
  text: string;
  /** Byte offset of each UTF-16 offset of `text` (and of its end). */
  byteAt: Uint32Array;
}

/**
 * Text -> the bytes to write, in the file's encoding and BOM. With the file's current bytes
 * (`original`), everything the writer did not change keeps its exact bytes: each line its own
 * line break (CRLF, LF or CR), each unchanged character its own code, even where decoding and
 * encoding again would not reproduce it (GBK's 0x80 for €, duplicate Big5 codes). Only changed
 * characters are encoded, and only new lines get the dominant line break (`format.eol`).
 * Refuses (code `unencodable`) when the encoding cannot hold a character, instead of writing "?".
 */
export function encodeText(
  text: string,
  format: TextFormat,
  original: Uint8Array | null = null,
): Uint8Array {
  const base = original ? readOriginal(original, format.encoding) : null;
  const planned = planLineEndings(base?.text ?? null, text, format.eol);
  const target = joinLines(planned);
  const encoder = new PieceEncoder(format.encoding);
  let body = base ? splice(planned, base, encoder) : encoder.encode(target);
  encoder.refuseMissing();
  // A splice is only kept if it reads back as exactly the intended text.
  if (base && decodeBody(body, format.encoding) !== target) {
    body = encoder.encode(target);
    encoder.refuseMissing();
  }
  const bom = format.bom ? boms[format.encoding] : [];
  if (bom.length === 0) return body;
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom);
  out.set(body, bom.length);
  return out;
}

function splice(
  planned: readonly PlannedLine[],
  base: Original,
  encoder: PieceEncoder,
): Uint8Array {
  const lines = splitLines(base.text);
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.text.length + line.ending.length;
  }
  const parts: Uint8Array[] = [];
  const keep = (from: number, to: number): void => {
    parts.push(base.body.subarray(base.byteAt[from], base.byteAt[to]));
  };
  for (const line of planned) {
    const source = line.source === null ? undefined : lines[line.source];
    const start = line.source === null ? undefined : starts[line.source];
    if (!source || start === undefined) {
      parts.push(encoder.encode(line.text + line.ending));
      continue;
    }
    const end = start + source.text.length;
    const { prefix, suffix } = commonEnds(source.text, line.text);
    keep(start, start + prefix);
    parts.push(encoder.encode(line.text.slice(prefix, line.text.length - suffix)));
    keep(end - suffix, end);
    if (line.ending === source.ending) keep(end, end + source.ending.length);
    else parts.push(encoder.encode(line.ending));
  }
  return Buffer.concat(parts);
}

/** Encodes pieces of new text, collecting the characters the encoding cannot hold. */
class PieceEncoder {
  private readonly missing = new Set<string>();

  constructor(private readonly encoding: TextEncodingName) {}

  encode(text: string): Uint8Array {
    if (text === '') return new Uint8Array(0);
    for (const char of unencodableCharacters(text, this.encoding)) this.missing.add(char);
    return encodeBody(text, this.encoding);
  }

  refuseMissing(): void {
    if (this.missing.size === 0) return;
    const shown = [...this.missing].slice(0, 5);
    throw new BylineError(
      'unencodable',
      `This file is saved as ${encodingLabel(this.encoding)}, which cannot hold ${shown.map((c) => `"${c}"`).join(' ')}. ` +
        'Nothing was written. Convert the file to UTF-8 to keep these characters.',
    );
  }
}

function readOriginal(bytes: Uint8Array, encoding: TextEncodingName): Original | null {
  const bom = bomOf(bytes);
  const body = bom?.encoding === encoding ? bytes.subarray(bom.length) : bytes;
  let text: string | null;
  try {
    text = decodeBody(body, encoding);
  } catch {
    return null; // damaged UTF-16: nothing to keep
  }
  if (text === null) return null;
  const byteAt = byteOffsets(body, text, encoding);
  return byteAt ? { body, text, byteAt } : null;
}

/** Where each UTF-16 offset of `text` starts in `body`; null if the two do not line up. */
function byteOffsets(
  body: Uint8Array,
  text: string,
  encoding: TextEncodingName,
): Uint32Array | null {
  const at = new Uint32Array(text.length + 1);
  let unit = 0;
  let pos = 0;
  const advance = (units: number, bytes: number): void => {
    for (let k = 0; k < units && unit + k <= text.length; k++) at[unit + k] = pos;
    unit += units;
    pos += bytes;
  };
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    for (let i = 0; i < text.length; i++) advance(1, 2);
  } else if (encoding === 'utf-8') {
    for (let i = 0; i < text.length;) {
      const code = text.codePointAt(i) ?? 0;
      const units = code > 0xffff ? 2 : 1;
      advance(units, code < 0x80 ? 1 : code < 0x800 ? 2 : code <= 0xffff ? 3 : 4);
      i += units;
    }
  } else {
    while (pos < body.length) {
      const [units, bytes] = legacyCharacter(body, pos, encoding);
      advance(units, bytes);
    }
  }
  if (unit !== text.length || pos !== body.length) return null;
  at[text.length] = pos;
  return at;
}

/** [UTF-16 units, bytes] of the character at `pos` of GB18030 or Big5 bytes. */
function legacyCharacter(
  body: Uint8Array,
  pos: number,
  encoding: 'gb18030' | 'big5',
): [number, number] {
  const lead = body[pos] ?? 0;
  if (lead < 0x81 || lead > 0xfe) return [1, 1];
  if (encoding === 'big5') return [1, 2];
  const second = body[pos + 1] ?? 0;
  if (second < 0x30 || second > 0x39) return [1, 2];
  // Four-byte GB18030 from lead 0x90 on is outside the BMP: a surrogate pair.
  return [lead >= 0x90 ? 2 : 1, 4];
}

/** Lengths of the common start and end of two strings, never splitting a surrogate pair. */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(a.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLowSurrogate(a.charCodeAt(a.length - suffix))) suffix--;
  return { prefix, suffix };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
