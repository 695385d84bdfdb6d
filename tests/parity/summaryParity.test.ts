import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadHtml, leadText } from '../../shared/markdown/articleLead';
import { readRenderProfile } from '../../main/site/siteConfig';
import { hugoAvailable, publishWithHugo } from './hugoParity';

// The lead Byline renders from a `summary` against what Hugo publishes as `.Summary` for the
// same front matter: the same visible text and the same inline elements.
const SUMMARIES = [
  '导语 **加粗**、[链接](https://e.org) 和 -- 破折号 "引号"',
  '用 `code <x>` 查询，*斜体* 与 ***两者***',
  "Dashes --- and -- and ... 'single' \"double\" it's",
  '复工首周<!-- 待核实 -->用电量回升 <!-- 第二条 -->三成',
  '原始 <b>标签</b> 与 &amp; 实体 \\*转义\\*',
  '见 {{< param title >}} 与 https://e.org/path',
  '~~删除~~ 与 [^1]',
];

const summaryLayout = '<article data-byline-source="{{ .File.Path }}">{{ .Summary }}</article>\n';

const inlineTags = 'strong,em,a,code,del,s,img,br';

function shape(html: string): { text: string; tags: string[] } {
  const body = new JSDOM(`<body>${html}</body>`).window.document.body;
  return {
    text: (body.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim(),
    // Goldmark strikes through with <del>, markdown-it (the body too) with <s>: the same text.
    tags: [...body.querySelectorAll(inlineTags)].map((el) =>
      el.tagName === 'S' ? 'del' : el.tagName.toLowerCase(),
    ),
  };
}

let site: string;
let published: Map<string, string>;

beforeAll(() => {
  site = mkdtempSync(path.join(os.tmpdir(), 'byline-summary-parity-'));
  writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
  mkdirSync(path.join(site, 'content'));
  SUMMARIES.forEach((summary, i) =>
    writeFileSync(
      path.join(site, 'content', `s${i}.md`),
      `---\ntitle: s${i}\nsummary: ${JSON.stringify(summary)}\n---\n正文。\n`,
    ),
  );
  if (hugoAvailable) published = publishWithHugo(site, summaryLayout);
}, 120_000);

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe.runIf(hugoAvailable)('the summary lead as hugo publishes .Summary', () => {
  it.each(SUMMARIES.map((summary, i) => [i, summary] as const))(
    'summary %i: %s',
    async (i, summary) => {
      const profile = await readRenderProfile(site);
      const hugo = shape(published.get(`s${i}.md`) ?? '<missing>');
      const byline = shape(leadHtml({ summary }, { profile }) ?? '');
      expect(byline).toEqual(hugo);
      expect(leadText({ summary }, profile)).toBe(hugo.text);
    },
  );
});
