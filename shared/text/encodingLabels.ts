import type { TextEncodingName } from '../ipc/contract';

/** How encodings are named to writers (status bar, messages, the encoding choice). */
export const encodingLabels: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030',
  big5: 'Big5',
};
