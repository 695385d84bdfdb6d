import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../shared/article/frontMatter';
import { publishChecklist } from '../../shared/frontMatterSchema';
import { frontMatterReader } from './frontMatterReader';

const yaml = '---\ntitle: 芯片出口\nsummary: 新规落地。\ntags:\n  - 芯片\n---\n';
const toml = '+++\ntitle = "芯片出口"\n+++\r\n';
const json = '{\n  "title": "芯片出口"\n}\n';

/** What the panel reads of a model: equal to a fresh analysis of the same text. */
const visible = (text: string, model: ReturnType<typeof analyzeArticle>) => ({
  data: model.data,
  error: model.error,
  parts: model.parts,
  findings: publishChecklist({ text, schema: null, model }),
});

describe('frontMatterReader', () => {
  it('keeps the fields while only the body changes, with the body read afresh', () => {
    for (const front of [yaml, toml, json]) {
      const read = frontMatterReader();
      const first = read(`${front}\n正文。`);
      const texts = [`${front}\n正文。补充一句。`, `${front}\n> 新规落地。\n`, front];
      for (const text of texts) {
        const model = read(text);
        // The same field objects: nothing parsed again, nothing for the form to re-render.
        expect(model.data).toBe(first.data);
        expect(visible(text, model)).toEqual(visible(text, analyzeArticle(text)));
      }
    }
  });

  it('finds the lead typed into the body with the fields kept', () => {
    const read = frontMatterReader();
    read(`${yaml}\n正文。`);
    const text = `${yaml}\n> 新规落地。\n\n正文。`;
    const findings = publishChecklist({ text, schema: null, model: read(text) });
    expect(findings.map((finding) => finding.rule)).toEqual(['publish/summary-is-lead']);
  });

  it('parses again when the block changes, for another block, or while it is open or broken', () => {
    const read = frontMatterReader();
    const first = read(`${yaml}正文。`);
    const edited = `${yaml.replace('芯片出口', '芯片出口新规')}正文。`;
    expect(read(edited).data).toEqual({ ...first.data, title: '芯片出口新规' });

    // Ends on the closing fence: typing on turns "---" into "----", no longer a fence.
    const open = yaml.trimEnd();
    const openModel = read(open);
    expect(openModel.data?.['title']).toBe('芯片出口');
    const grown = `${open}-\nbody`;
    expect(read(grown)).toEqual(analyzeArticle(grown));
    expect(read(grown).error).not.toBeNull();

    const broken = '---\ntitle: [芯片\n---\n正文。';
    const brokenModel = read(broken);
    expect(brokenModel.error).not.toBeNull();
    const fixed = '---\ntitle: [芯片]\n---\n正文。';
    expect(read(fixed).data).toEqual({ title: ['芯片'] });
  });

  it('returns the same model for the same text', () => {
    const read = frontMatterReader();
    const text = `${yaml}正文。`;
    expect(read(text)).toBe(read(text));
  });
});
