import type { TextEncodingName, TextFormat } from '../../shared/ipc/contract';
import { minimalChange } from '../../shared/article/textChange';
import { BylineError } from '../../shared/ipc/contract';
import { decodeBody, encodeBody, encodingLabel, unencodableCharacters } from './charsets';
import { bomOf } from './detectEncoding';
import type { Line, PlannedLine } from './lineEndings';
import { joinLines, planLineEndings, splitLines } from './lineEndings';

const boms: Record<TextEncodingName, readonly number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  gb18030: [],
  big5: [],
};

interface Original {
  encoding: TextEncodingName;
  body: Uint8Array;
  text: string;
  lines: Line[];
  /** Where each line starts in `body`, and (last) the end of `body`. */
  lineBytes: number[];
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
  const parts: Uint8Array[] = [];
  // New text is gathered and encoded in one piece up to the next bytes kept from the file.
  let pending = '';
  // Kept bytes as one range while they run on in the file.
  let kept: [number, number] | null = null;
  const flush = (): void => {
    if (kept) parts.push(base.body.subarray(kept[0], kept[1]));
    kept = null;
  };
  const keep = (from: number, to: number): void => {
    if (from === to) return;
    if (pending !== '') {
      flush();
      parts.push(encoder.encode(pending));
      pending = '';
    }
    if (kept && kept[1] === from) kept[1] = to;
    else {
      flush();
      kept = [from, to];
    }
  };
  for (const line of planned) {
    const index = line.source;
    const source = index === null ? undefined : base.lines[index];
    if (index === null || !source) {
      pending += line.text + line.ending;
      continue;
    }
    const start = base.lineBytes[index] ?? 0;
    const next = base.lineBytes[index + 1] ?? base.body.length;
    if (line.text === source.text && line.ending === source.ending) {
      keep(start, next);
      continue;
    }
    const end = next - encodedLength(source.ending, base.encoding);
    // Within a changed line, its unchanged start and end keep their bytes too.
    const change = minimalChange(source.text, 0, source.text.length, line.text);
    const prefix = change ? change.from : source.text.length;
    const suffix = change ? source.text.length - change.to : 0;
    keep(start, start + bytesOfStart(base, index, prefix));
    pending += change?.insert ?? '';
    keep(end - bytesOfEnd(base, index, suffix), end);
    if (line.ending === source.ending) keep(end, next);
    else pending += line.ending;
  }
  flush();
  if (pending !== '') parts.push(encoder.encode(pending));
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
  const lines = splitLines(text);
  const lineBytes = [0];
  let pos = 0;
  for (const line of lines) {
    pos += encodedLength(line.text + line.ending, encoding, body, pos);
    lineBytes.push(pos);
  }
  return pos === body.length ? { encoding, body, text, lines, lineBytes } : null;
}

/**
 * Bytes `text` takes in the file. UTF-8 and UTF-16 lengths follow from the text; GB18030 and Big5
 * codes vary (GBK's € is one byte or four), so those are measured in the file's own bytes from
 * `at`. Line breaks are single bytes in all three byte encodings and never part of another code.
 */
function encodedLength(
  text: string,
  encoding: TextEncodingName,
  body?: Uint8Array,
  at = 0,
): number {
  if (encoding === 'utf-8') return Buffer.byteLength(text, 'utf8');
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return text.length * 2;
  if (!body) return text.length; // a line break
  let units = 0;
  let pos = at;
  while (units < text.length && pos < body.length) {
    const [charUnits, bytes] = legacyCharacter(body, pos, encoding);
    units += charUnits;
    pos += bytes;
  }
  return pos - at;
}

/** Bytes of the first `units` UTF-16 units of line `index`. */
function bytesOfStart(base: Original, index: number, units: number): number {
  const line = base.lines[index]?.text ?? '';
  return encodedLength(line.slice(0, units), base.encoding, base.body, base.lineBytes[index]);
}

/** Bytes of the last `units` UTF-16 units of line `index` (before its line break). */
function bytesOfEnd(base: Original, index: number, units: number): number {
  if (units === 0) return 0;
  const line = base.lines[index]?.text ?? '';
  return (
    encodedLength(line, base.encoding, base.body, base.lineBytes[index]) -
    bytesOfStart(base, index, line.length - units)
  );
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
