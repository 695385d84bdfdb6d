/** The two versions the save-loop child alternates between: different sizes, so a torn write shows. */
export function saveLoopVersions(): [string, string] {
  const line = (n: number, tag: string): string =>
    `${tag} 第${n}行：新一轮芯片出口管制规则正式生效。\n`;
  const a = Array.from({ length: 400 }, (_, n) => line(n, 'A')).join('');
  const b = Array.from({ length: 900 }, (_, n) => line(n, 'B')).join('');
  return [a, b];
}
