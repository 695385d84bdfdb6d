/** The n-th state of an unsaved buffer: CJK, emoji, CRLF and trailing spaces, so "verbatim" means something. */
export function journalVersion(n: number): string {
  const line = (i: number): string => `第${i}段：记者补充，截至发稿 😀 “引号” \t尾随空格  \r\n`;
  return `---\r\ntitle: 未保存的稿件\r\n---\r\n${Array.from({ length: 20 + n }, (_, i) => line(i)).join('')}`;
}
