/** Line breaks as files have them (LF, CRLF or a lone CR), and as the editor keeps them (LF). */
export const lineBreak = /\r\n?|\n/;

export const splitLines = (text: string): string[] => text.split(lineBreak);

/** The text with LF line breaks only (the editor's and the journal's form). */
export const toLf = (text: string): string => text.replace(/\r\n?/g, '\n');
