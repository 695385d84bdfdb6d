import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/article';
import { quickYamlFields } from './quickFrontMatter';

/** The contract: whenever the quick reader answers, the full parser agrees and reports no error. */
function expectAgreement(content: string): Record<string, unknown> | null {
  const quick = quickYamlFields(content);
  if (quick !== null) {
    const full = parseArticle(`---\n${content}\n---\nbody\n`);
    expect(full.error, content).toBeNull();
    expect(quick, content).toEqual(full.data);
  }
  return quick;
}

const sample = `title: 芯片出口新规落地：供应链重组背后的算力博弈
date: 2025-06-18T11:20:04+08:00
draft: false
featured_image: images/default (3).png
summary: 新一轮芯片出口管制规则正式生效，主要云服务商与芯片设计公司被迫重新规划供应链。
tags: 
  - 芯片
  - 出口管制
main_topics: 
  - 半导体产业
  - 国际贸易`;

describe('quickYamlFields', () => {
  it('reads the sample front matter exactly like the full parser', () => {
    expect(expectAgreement(sample)).toMatchObject({
      draft: false,
      tags: ['芯片', '出口管制'],
      date: '2025-06-18T11:20:04+08:00',
    });
    expect(expectAgreement(sample.replace(/\n/g, '\r\n'))).not.toBeNull();
  });

  it.each([
    'title: a: b',
    'title: x # comment',
    'title: |\n  block',
    'title: >\n  folded',
    'title: &a x',
    'title: *a',
    'title: !tag x',
    'title: "unclosed',
    "title: 'it''s' tail",
    'title: "\\x41"',
    'title: a\ntitle: b',
    'tags:\n  - a\n   - b',
    'tags:\n  - a: b',
    'tags:\n  -',
    'title: x\n  continued',
    'title: [a, [b]]',
    'title: [a,',
    'weight: 1.5',
    'weight: -3',
    'when: null',
    'when: ~',
    'n: 0x1F',
    // Hugo's YAML 1.1: booleans, an octal and an integer.
    'draft: no',
    'draft: Yes',
    'weight: 010',
    'n: 1_000',
    '%YAML 1.2',
    '? complex',
    '\ttitle: tab',
    '标题: 中文键',
  ])('defers to the full parser for %j', (content) => {
    expect(quickYamlFields(content)).toBeNull();
  });

  it.each([
    'title: ""',
    "title: ''",
    'title: "say \\"hi\\" \\u4e2d"',
    "title: 'it''s'",
    'tags: []',
    'tags: [AI, 芯片 , "x y"]',
    'draft: True',
    'draft: FALSE',
    'weight: 10',
    'date: 2024-05-01',
    'title: C# and F#',
    'title: 100% (official)',
    'time: 12:30',
    'title: x\n# a comment\ntags:\n- a\n- b\n\nempty:',
  ])('answers %j like the full parser', (content) => {
    expect(expectAgreement(content)).not.toBeNull();
  });

  it('agrees with the full parser on generated front matter', () => {
    const keys = fc.constantFrom(
      'title',
      'date',
      'draft',
      'tags',
      'summary',
      'main_topics',
      'weight',
      'x-y',
      '_k',
    );
    const scalars = fc.constantFrom(
      '',
      'x',
      '芯片：新规',
      'a b',
      'a: b',
      'a #c',
      'C#',
      '"q"',
      '"q \\" \\n"',
      "'s''s'",
      "'unclosed",
      '"unclosed',
      'true',
      'True',
      'TRUE',
      'false',
      'yes',
      'Yes',
      'no',
      'on',
      'off',
      'y',
      'N',
      '010',
      '1_000',
      '0b11',
      '12:30',
      'null',
      'Null',
      '~',
      '0',
      '12',
      '007',
      '-5',
      '+5',
      '1.5',
      '.5',
      '1e3',
      '.inf',
      '-.Inf',
      '.nan',
      '0o17',
      '0x1f',
      '2025-06-18T11:20:04+08:00',
      '2024-05-01',
      '[]',
      '[a, b]',
      '[a, "b, c"]',
      '[ "x" , y ]',
      '[a,]',
      '|',
      '>',
      '&a x',
      '*a',
      '!t x',
      '%x',
      '@x',
      '`x',
      '-',
      '- x',
      '? x',
      '{a: 1}',
      'images/a (3).png',
      'x:',
      'x: ',
      '"\\t"',
      '"a\tb"',
      'tab\there',
      "it's",
      '中文 "引号"',
    );
    const line = fc.oneof(
      fc.tuple(keys, scalars).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(keys, fc.constantFrom(':', ': ', ':\t')).map(([k, sep]) => `${k}${sep}`),
      fc
        .tuple(fc.constantFrom('', '  ', '    ', ' '), scalars)
        .map(([indent, v]) => `${indent}- ${v}`),
      fc.constantFrom(
        '',
        '# comment',
        '  # indented comment',
        '  continuation',
        '\tx: y',
        '---',
        '...',
      ),
    );
    let answered = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, crlf) => {
        if (expectAgreement(lines.join(crlf ? '\r\n' : '\n')) !== null) answered++;
      }),
      { numRuns: 3000 },
    );
    // The property is only worth something if the quick reader answered a good share of cases.
    expect(answered).toBeGreaterThan(300);
  });
});
