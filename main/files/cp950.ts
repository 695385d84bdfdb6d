import iconv from 'iconv-lite';

/**
 * Code page 950, the Big5 that Taiwanese newsrooms' tools write. iconv-lite's `big5` is
 * Big5-HKSCS, which reads 250 CP950 codes as other characters and writes some characters as HKSCS
 * bytes plain Big5 readers reject; its `cp950` table is right except that it leaves out the ETEN
 * rows C6A1-C7FC (kana, Cyrillic, circled and bracketed numbers) that Windows and Python's
 * `cp950` codec read, and it writes 十 and 卅 as their duplicate codes A2CC/A2CE.
 */
const etenRows =
  'ヾゝゞ々ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶДЕЁЖЗИЙКЛМУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽';

/** Characters in code order: C6A1-C6FE, C740-C77E, C7A1-C7FC. */
function etenCodes(): number[] {
  const codes: number[] = [];
  for (let trail = 0xa1; trail <= 0xfe; trail++) codes.push(0xc600 | trail);
  for (let trail = 0x40; trail <= 0x7e; trail++) codes.push(0xc700 | trail);
  for (let trail = 0xa1; trail <= 0xfc; trail++) codes.push(0xc700 | trail);
  return codes;
}

const decodeExtra = new Map<number, string>();
const encodeExtra = new Map<string, number>([
  ['十', 0xa451],
  ['卅', 0xa4ca],
]);
const codes = etenCodes();
[...etenRows].forEach((char, i) => {
  const code = codes[i];
  if (code === undefined) return;
  decodeExtra.set(code, char);
  encodeExtra.set(char, code);
});

export function decodeCp950(bytes: Uint8Array): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x81 || lead > 0xfe || i + 1 >= bytes.length) continue;
    const extra = decodeExtra.get((lead << 8) | (bytes[i + 1] ?? 0));
    if (extra !== undefined) {
      out += decodeRun(bytes.subarray(runStart, i)) + extra;
      runStart = i + 2;
    }
    i++; // a lead byte always takes the next byte with it
  }
  return out + decodeRun(bytes.subarray(runStart));
}

/** Characters CP950 has no code for come out as "?" (0x3F); callers check with a round trip. */
export function encodeCp950(text: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let run = '';
  for (const char of text) {
    const code = encodeExtra.get(char);
    if (code === undefined) {
      run += char;
      continue;
    }
    parts.push(encodeRun(run), Uint8Array.of(code >> 8, code & 0xff));
    run = '';
  }
  parts.push(encodeRun(run));
  return Buffer.concat(parts);
}

function decodeRun(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp950');
}

function encodeRun(text: string): Uint8Array {
  return text === '' ? new Uint8Array(0) : new Uint8Array(iconv.encode(text, 'cp950'));
}
