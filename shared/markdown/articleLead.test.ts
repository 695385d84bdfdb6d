import { describe, expect, it } from 'vitest';
import { leadHtml, leadOf, leadText } from './articleLead';
import { hugoDefaultProfile } from './renderProfile';

const summary = '导语 **加粗**、[链接](https://e.org) 和 -- 破折号 "引号"';

describe('leadHtml', () => {
  it('renders the summary as inline Markdown with the typographer, as Hugo does for .Summary', () => {
    expect(leadHtml({ summary })).toBe(
      '导语 <strong>加粗</strong>、<a href="https://e.org">链接</a> 和 – 破折号 “引号”',
    );
    expect(leadHtml({ summary: '用 `a <b>` 和 *斜体*' })).toBe(
      '用 <code>a &lt;b&gt;</code> 和 <em>斜体</em>',
    );
  });

  it('follows the profile: no typographer, raw HTML only when unsafe', () => {
    const plain = { ...hugoDefaultProfile, typographer: false };
    expect(leadHtml({ summary: 'a -- "b"' }, { profile: plain })).toBe('a -- &quot;b&quot;');
    expect(leadHtml({ summary: '前 <b>粗</b> 后' })).toBe('前 粗 后');
    const unsafe = { ...hugoDefaultProfile, unsafe: true };
    expect(leadHtml({ summary: '前 <b>粗</b> 后' }, { profile: unsafe })).toBe('前 <b>粗</b> 后');
  });

  it('never publishes an HTML comment of the summary, closed or not', () => {
    expect(leadHtml({ summary: '复工首周<!-- 待核实 -->**回升** <!-- 未闭合' })).toBe(
      '复工首周<strong>回升</strong>',
    );
    expect(leadHtml({ summary: '<!-- 只有备注 -->', description: '描述' })).toBe('描述');
  });

  it('keeps shortcodes and footnote syntax as text: Hugo renders the summary with Goldmark alone', () => {
    expect(leadHtml({ summary: '见 {{< param title >}} 与 [^1]' })).toBe(
      '见 {{&lt; param title &gt;}} 与 [^1]',
    );
  });

  it('routes images through the resolver', () => {
    const html = leadHtml({ summary: '![图](a.png)' }, { resolveImage: (src) => `/asset/${src}` });
    expect(html).toBe('<img src="/asset/a.png" alt="图">');
  });

  it('escapes the description: Hugo never renders it', () => {
    expect(leadHtml({ description: '-- **x** <b>y</b>' })).toBe('-- **x** &lt;b&gt;y&lt;/b&gt;');
    expect(leadHtml({})).toBeNull();
  });
});

describe('leadText', () => {
  it('is the summary as a reader reads it', () => {
    expect(leadText({ summary })).toBe('导语 加粗、链接 和 – 破折号 “引号”');
    expect(leadText({ summary: '`x <y>` &amp; ![图](a.png) <b>粗</b> <!-- 备注 -->' })).toBe(
      'x <y> & 图 粗',
    );
  });

  it('is the description as written', () => {
    expect(leadText({ description: '-- **x**' })).toBe('-- **x**');
    expect(leadText({ summary: 2025 })).toBe('2025');
    expect(leadText({ summary: '   ' })).toBeNull();
  });
});

describe('leadOf', () => {
  it('is the lead as written, summary first', () => {
    expect(leadOf({ summary: '**a**', description: 'b' })).toBe('**a**');
    expect(leadOf({ description: 'b' })).toBe('b');
  });
});
