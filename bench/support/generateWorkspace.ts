import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const topics = [
  '半导体产业',
  '国际贸易',
  '人工智能',
  '能源转型',
  '公共卫生',
  '城市治理',
  '资本市场',
  '教育改革',
];
const tags = [
  '芯片',
  '出口管制',
  '供应链',
  '数据中心',
  '算力',
  '开源模型',
  '新能源',
  '监管',
  'AI',
  'Policy',
];
const paragraph =
  '在全球算力竞争日益激烈的背景下，新规的落地被视为产业格局的一次重要调整 [^1]。多家企业表示，将在未来两个季度内完成合规评估。' +
  'Analysts say the rules will reshape supply chains for years, and several firms have already begun moving orders. ' +
  '过去十年，先进芯片的设计、制造与封装高度集中在少数地区。新规要求企业披露最终用户信息，这使得部分订单被迫延期 [^3]。\n\n';

/** One article like the sample: YAML front matter with CJK title, summary, tags and topics, ~5 KB of mixed text. */
export function articleText(i: number, targetBytes = 5000): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const front = [
    '---',
    `title: 第${i}篇：芯片出口新规落地，供应链重组背后的算力博弈`,
    `date: 2025-${month}-${day}T11:20:04+08:00`,
    `draft: ${i % 7 === 0}`,
    'featured_image: images/default.png',
    `summary: 新一轮芯片出口管制规则正式生效，主要云服务商与芯片设计公司被迫重新规划供应链（${i}）。`,
    'tags:',
    `  - ${tags[i % tags.length]}`,
    `  - ${tags[(i * 3 + 1) % tags.length]}`,
    'main_topics:',
    `  - ${topics[i % topics.length]}`,
    '---',
    '',
    `> 导语：第 ${i} 篇文章的摘要段落。`,
    '',
  ].join('\n');
  let body = '';
  while (Buffer.byteLength(front + body) < targetBytes) body += paragraph;
  return `${front}${body}### 参考\n\n[^1]: 王明（2025/6/18）。科技日报。\n`;
}

/** Writes `count` articles under root in a Hugo-like layout: content/posts/YYYY/MM with every fifth as a page bundle. */
export function generateWorkspace(root: string, count: number): string[] {
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2015 + (i % 10);
    const month = String((i % 12) + 1).padStart(2, '0');
    const relative =
      i % 5 === 0
        ? path.join('content', 'posts', String(year), month, `bundle-${i}`, 'index.md')
        : path.join('content', 'posts', String(year), month, `article-${i}.md`);
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), articleText(i));
    written.push(relative.split(path.sep).join('/'));
  }
  // A Hugo site's config marks its root, whose public/ and resources/ are Hugo's output.
  writeFileSync(path.join(root, 'hugo.toml'), 'title = "Bench"\n');
  // Folders the library must skip: their files must neither be indexed nor watched.
  for (const skipped of ['node_modules/pkg', 'public/posts', '.git/objects', 'resources/_gen']) {
    mkdirSync(path.join(root, skipped), { recursive: true });
    writeFileSync(path.join(root, skipped, 'README.md'), '# not an article\n');
  }
  return written;
}
