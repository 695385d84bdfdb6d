// Generated news-shaped articles for bench/editor.bench.ts (CJK + Latin, long one-line CJK
// paragraphs, footnotes), deterministic for a given size.

function prng(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

const cjkPhrases = [
  '新一轮芯片出口管制规则正式生效',
  '云服务商与芯片设计公司的供应链面临重组',
  '算力主权之争进入新阶段',
  '多家企业表示将在未来两个季度内完成合规评估',
  '过去十年先进芯片的设计制造与封装高度集中在少数地区',
  '业内人士认为分散布局将成为新的常态',
  '部分国家选择加大本土投资',
  '分析师指出这一趋势将持续推高数据中心的建设成本',
  '开源模型的流行让算力需求更加分散',
  '记者走访了长三角和珠三角的十几家企业',
];
const latinPhrases = [
  'Chipmakers weigh new export rules',
  'cloud providers are re-planning their supply chains',
  'analysts expect data-centre costs to keep rising',
  'compute capacity has become a question of sovereignty',
];

/** A news-shaped article of at least `bytes` UTF-8 bytes; paragraph `marker` sits in the middle. */
export function generateArticle(bytes: number, marker: string): string {
  const random = prng(bytes);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const head = [
    '---',
    `title: 基准测试文章（${Math.round(bytes / 1024)} KB）`,
    'date: 2025-06-18T11:20:04+08:00',
    'summary: 用于编辑器基准测试的生成文章，中英文混排，包含长段落和脚注。',
    'tags:',
    '  - 基准',
    '  - 芯片',
    '---',
    '',
  ];
  const body: string[] = [];
  let size = Buffer.byteLength(head.join('\n'));
  let section = 0;
  let footnotes = 0;
  let markerPlaced = false;
  while (size < bytes * 0.97) {
    section++;
    const block: string[] = [`## 第${section}节：${pick(cjkPhrases)}`, ''];
    const paragraphs = 2 + Math.floor(random() * 3);
    for (let p = 0; p < paragraphs; p++) {
      // Long CJK paragraphs on one line (some several thousand characters), Latin mixed in.
      const sentences =
        random() < 0.15 ? 60 + Math.floor(random() * 60) : 4 + Math.floor(random() * 10);
      let text = '';
      for (let s = 0; s < sentences; s++) {
        text += random() < 0.2 ? `${pick(latinPhrases)}，` : `${pick(cjkPhrases)}，`;
        if (random() < 0.12) text += `**${pick(cjkPhrases)}**，`;
        if (random() < 0.06) text += `[^${++footnotes}]`;
      }
      text = text.replace(/，$/, '。');
      if (!markerPlaced && size > bytes / 2 && sentences < 20) {
        text = `${marker}${text}`;
        markerPlaced = true;
      }
      block.push(text, '');
    }
    if (random() < 0.3) block.push(`> ${pick(cjkPhrases)}，${pick(cjkPhrases)}。`, '');
    if (random() < 0.2)
      block.push(`- ${pick(cjkPhrases)}`, `- ${pick(latinPhrases)}`, `- ${pick(cjkPhrases)}`, '');
    body.push(...block);
    size += Buffer.byteLength(block.join('\n')) + 1;
  }
  const notes: string[] = ['## 参考资料', ''];
  for (let n = 1; n <= footnotes; n++)
    notes.push(`[^${n}]: 王明（2025/6/${1 + (n % 28)}）。${pick(cjkPhrases)}。科技日报。`);
  return [...head, ...body, ...notes, ''].join('\n');
}
