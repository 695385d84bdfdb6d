import { describe, expect, it } from 'vitest';
import { detectDocumentLanguage } from './documentLanguage';
import { ExportOptions, WorkspaceExportSettings } from './exportOptions';
import { hugoDefaultProfile } from '../markdown/renderProfile';
import { renderForExport } from './exportMarkdown';
import { splitHanRuns } from './hanRuns';
import { findLinkDestinations, formatDestination, shortcodeValue } from './markdownLinks';
import { renderPlainTextTokens, wrapText } from './plainText';
import { displayWidth } from '../text/displayWidth';
import { parseForExport } from './exportMarkdown';

describe('detectDocumentLanguage', () => {
  it('says zh-CN when Han characters dominate, en for English, honours a declared tag', () => {
    expect(
      detectDocumentLanguage('OpenAI与微软的关系跌至冰点，双方在技术主权上的博弈日益公开化。'),
    ).toBe('zh-CN');
    expect(detectDocumentLanguage('The talks went on late into the night, said 李明.')).toBe('en');
    expect(detectDocumentLanguage('日本語の記事です。ひらがなとカタカナ。')).toBe('ja');
    expect(detectDocumentLanguage('任何文字', 'zh-TW')).toBe('zh-TW');
    expect(detectDocumentLanguage('任何文字', '"><script>')).toBe('zh-CN');
  });

  it('counts characters, not UTF-16 units, and answers the same on every call', () => {
    // Three Han characters outside the BMP against three Latin words: a tie, so still Chinese.
    const text = '𠀀𠀁𠀂 one two three';
    expect(detectDocumentLanguage(text)).toBe('zh-CN');
    expect(detectDocumentLanguage(text)).toBe('zh-CN');
    expect(detectDocumentLanguage(`${text} four`)).toBe('en');
    expect(detectDocumentLanguage('𠀀𠀁 ab cd')).toBe('zh-CN');
    expect(detectDocumentLanguage('𠀀 ab cd')).toBe('en');
    expect(detectDocumentLanguage('한국어 기사 中')).toBe('ko');
    expect(detectDocumentLanguage('漢字漢字漢字漢字漢字の')).toBe('zh-CN');
    expect(detectDocumentLanguage('漢字漢字漢の')).toBe('ja');
  });
});

describe('splitHanRuns', () => {
  it('separates Han (with CJK punctuation) from Latin runs', () => {
    expect(splitHanRuns('AI军事化，and more')).toEqual([
      { text: 'AI', han: false },
      { text: '军事化，', han: true },
      { text: 'and more', han: false },
    ]);
  });
});

describe('renderForExport', () => {
  it('marks Han text in emphasis for emphasis dots and keeps Latin italic', () => {
    const { html } = renderForExport('关于 *AI军事化* 的讨论', 'zh-CN');
    expect(html).toContain('<em>AI<span class="cjk-emphasis">军事化</span></em>');
  });

  it('turns an image paragraph into a figure without a caption (Hugo writes none) and drops data-line', () => {
    const { html } = renderForExport('![示意图](a.png "标题")', 'zh-CN');
    expect(html).toBe(
      '<figure class="figure"><img src="a.png" alt="示意图" title="标题"></figure>\n',
    );
  });

  it("captions an image paragraph where the site's image render hook writes a figcaption", () => {
    const site = {
      shortcodes: [],
      params: {},
      permalinks: {},
      contentDir: 'content',
      imageCaptions: true,
    };
    const profile = { ...hugoDefaultProfile, site };
    expect(renderForExport('![示意图](a.png "标题")', 'zh-CN', { profile }).html).toBe(
      '<figure class="figure"><img src="a.png" alt="示意图" title="标题"><figcaption>标题</figcaption></figure>\n',
    );
    expect(renderForExport('![示意图](a.png)', 'zh-CN', { profile }).html).toContain(
      '<figcaption>示意图</figcaption>',
    );
  });

  it('keeps an image it cannot embed as <img> with its source, as Hugo publishes it', () => {
    const { html } = renderForExport(
      '![远程](https://cdn.example.com/a.png)\n\n![缺](missing.png)',
      'zh-CN',
      {
        resolveImage: () => null,
      },
    );
    expect(html).toContain('<img src="https://cdn.example.com/a.png" alt="远程">');
    expect(html).toContain('<img src="missing.png" alt="缺">');
    expect(html).not.toContain('image-placeholder');
  });

  it("makes site-relative links absolute with the site's baseURL", () => {
    const profile = { ...hugoDefaultProfile, baseURL: 'https://example.org/blog/' };
    const { html } = renderForExport(
      '[过山车](/cn/2017/01/roller-coaster/)、[外](https://a.example/)、[锚](#x)、[协议相对](//cdn.example/x)',
      'zh-CN',
      { profile },
    );
    expect(html).toContain('href="https://example.org/cn/2017/01/roller-coaster/"');
    expect(html).toContain('href="https://a.example/"');
    expect(html).toContain('href="#x"');
    expect(html).toContain('href="//cdn.example/x"');
    expect(renderForExport('[x](/cn/)', 'zh-CN').html).toContain('href="/cn/"');
  });

  it('wechat: outside links become references numbered after the notes, bare URLs stay text, footnotes plain', () => {
    const body =
      '见[报道](https://a.example/x)和[报道](https://a.example/x)，另见[公告](https://b.example/)与 https://c.example/ 。[^n]\n\n[^n]: 注释内容。\n';
    const { html, linkReferences } = renderForExport(body, 'zh-CN', { flavor: 'wechat' });
    expect(linkReferences.map((r) => [r.n, r.url])).toEqual([
      [2, 'https://a.example/x'],
      [3, 'https://b.example/'],
    ]);
    expect(html).not.toMatch(/<a\s/);
    expect(html).toContain(
      '<span class="link-text">报道</span><sup class="link-reference">[2]</sup>',
    );
    expect(html).toContain(
      '<span class="link-text">公告</span><sup class="link-reference">[3]</sup>',
    );
    expect(html).toContain('<h3 class="link-references-title">参考链接</h3>');
    expect(html).toContain('<span class="footnote-number">[1]</span> 注释内容。');
    expect(html).toContain('<sup class="footnote-ref">[1]</sup>');
  });

  it('wechat: a task keeps its state as ☑ / ☐, since WeChat drops checkboxes', () => {
    const { html } = renderForExport('- [x] 核实数字\n- [ ] 补充采访\n', 'zh-CN', {
      flavor: 'wechat',
    });
    expect(html).toContain('☑ 核实数字');
    expect(html).toContain('☐ 补充采访');
    expect(html).not.toContain('<input');
  });

  it('document flavor keeps one number for a note cited twice, with a back-link for each, as Goldmark', () => {
    const { html } = renderForExport('a[^x] b[^x]\n\n[^x]: note\n', 'en');
    expect(html.match(/<sup class="footnote-ref"><a [^>]*>1<\/a><\/sup>/g)).toHaveLength(2);
    expect(html.match(/class="footnote-backref"/g)).toHaveLength(2);
    expect(html).not.toContain('1:1]');
  });
});

describe('findLinkDestinations', () => {
  it('finds images, links and definitions outside code, with angle brackets and parentheses', () => {
    const text = [
      '![a](<images/default (3).png> "t") and [l](docs/file(1).pdf)',
      '`![not](code.png)` and [^1]',
      '```',
      '![fenced](no.png)',
      '```',
      '[ref]: images/ref.png',
      '[^1]: footnote text, not a definition',
    ].join('\n');
    const found = findLinkDestinations(text).map((d) => [d.kind, d.url, text.slice(d.from, d.to)]);
    expect(found).toEqual([
      ['image', 'images/default (3).png', '<images/default (3).png>'],
      ['link', 'docs/file(1).pdf', 'docs/file(1).pdf'],
      ['definition', 'images/ref.png', 'images/ref.png'],
    ]);
    expect(formatDestination('a b.png')).toBe('<a b.png>');
    expect(formatDestination('images/a.png')).toBe('images/a.png');
  });

  it('finds the src of raw HTML images outside code and comments, entities decoded', () => {
    const text = [
      '<p><img src="images/渔港 夜景.png" alt="夜景"></p>',
      '',
      '行内 <img alt="x"',
      '  SRC=\'a&amp;b.png\'> and `<img src="code.png">`',
      '',
      '    <img src="indented.png">',
      '',
      '```html',
      '<img src="fenced.png">',
      '```',
      '<!-- <img src="private.png"> --><img src=bare.png><img alt="no source">',
    ].join('\n');
    const found = findLinkDestinations(text).map((d) => [d.kind, d.url, text.slice(d.from, d.to)]);
    expect(found).toEqual([
      ['html-image', 'images/渔港 夜景.png', '"images/渔港 夜景.png"'],
      ['html-image', 'a&b.png', "'a&amp;b.png'"],
      ['html-image', 'bare.png', 'bare.png'],
    ]);
  });

  it("finds a figure shortcode's src, link and attrlink as written, never in code or escaped tags", () => {
    const text = [
      '{{< figure src="only one.png" link=big.png caption="see [doc](doc.pdf)" >}}',
      '{{% figure src=`raw.png` attrlink="https://x.org" %}}',
      '{{< details summary="s" >}}',
      '{{< figure src="nested.png" >}}',
      '{{< /details >}}',
      'a `code` {{< figure src=`after.png` >}} and `{{< figure src="span.png" >}}`',
      '{{</* figure src="escaped.png" */>}}',
      '```',
      '{{< figure src="fenced.png" >}}',
      '```',
    ].join('\n');
    const found = findLinkDestinations(text).map((d) => [d.kind, d.url, text.slice(d.from, d.to)]);
    expect(found).toEqual([
      ['link', 'doc.pdf', 'doc.pdf'],
      ['shortcode', 'only one.png', '"only one.png"'],
      ['shortcode', 'big.png', 'big.png'],
      ['shortcode', 'raw.png', '`raw.png`'],
      ['shortcode', 'https://x.org', '"https://x.org"'],
      ['shortcode', 'nested.png', '"nested.png"'],
      ['shortcode', 'after.png', '`after.png`'],
    ]);
  });

  it('writes a shortcode value back in its quoting when it can hold it', () => {
    expect(shortcodeValue('images/a.png', '"')).toBe('"images/a.png"');
    expect(shortcodeValue('images/a.png', '`')).toBe('`images/a.png`');
    expect(shortcodeValue('images/a.png', '')).toBe('images/a.png');
    expect(shortcodeValue('a b.png', '')).toBe('"a b.png"');
    expect(shortcodeValue('a"b\\.png', '"')).toBe('"a\\"b\\\\.png"');
  });
});

describe('plain text', () => {
  it('wraps by display width and never starts a line with closing punctuation', () => {
    const wrapped = wrapText('一二三四五六七八九十，甲乙丙', 20);
    expect(wrapped.split('\n')[0]).toBe('一二三四五六七八九十，');
  });

  it('renders tight lists, tables aligned by display width, and notes as endnotes', () => {
    const { tokens } = parseForExport(
      '- 一\n- 二\n\n| 名 | 值 |\n| - | -: |\n| 甲 | 1 |\n| abc | 22 |\n\n文[^a]\n\n[^a]: 注。\n',
    );
    expect(renderPlainTextTokens(tokens, 'zh-CN')).toBe(
      '• 一\n• 二\n\n名    值\n甲    1\nabc   22\n\n文[1]\n\n———\n\n注释\n\n[1] 注。\n',
    );
  });
});

describe("plain text: a figure shortcode's figcaption", () => {
  it('writes the title, then the caption and credit, each on a line, as Hugo publishes them', () => {
    const body = [
      '{{< figure src="a.png" title="Flood in Wuhan" caption="Residents *wade* through water." attr="Photo: Reuters" alt="flood" >}}',
      '',
      '{{< figure src="b.png" caption="洪水中的武汉。" attr="新华社" attrlink="https://xinhua.example" >}}',
    ].join('\n');
    expect(renderPlainTextTokens(parseForExport(body).tokens, 'en')).toBe(
      '[Image: flood]\nFlood in Wuhan\nResidents wade through water.Photo: Reuters\n\n' +
        '[Image]\n洪水中的武汉。 新华社 (https://xinhua.example)\n',
    );
  });
});

describe('plain text links', () => {
  it('writes an address after the text once, and never after the address itself', () => {
    const body =
      'Write to <x@example.org>, [me](mailto:x@example.org), <mailto:y@example.org> or [港务局](https://port.example.org/).\n';
    expect(renderPlainTextTokens(parseForExport(body).tokens, 'en')).toBe(
      'Write to x@example.org, me (x@example.org), mailto:y@example.org or 港务局 (https://port.example.org/).\n',
    );
  });
});

describe('plain text and a site that writes hard wraps', () => {
  it('breaks a paragraph’s lines where the site writes <br>, and only there', () => {
    const body = '第一行\n第二行\n\n> 引文一\n> 引文二\n';
    const hardWraps = { ...hugoDefaultProfile, hardWraps: true };
    expect(
      renderPlainTextTokens(parseForExport(body, { profile: hardWraps }).tokens, 'zh-CN'),
    ).toBe('第一行\n第二行\n\n    引文一\n    引文二\n');
    expect(renderPlainTextTokens(parseForExport(body).tokens, 'zh-CN')).toBe(
      '第一行第二行\n\n    引文一引文二\n',
    );
  });
});

describe('plain text wrapping', () => {
  it('keeps every line of an endnote, its [n] label included, within the width', () => {
    const note = '海关总署周一公布的月度统计显示，吞吐量回升至去年同期的八成，但运价仍在下降。';
    const body = `文[^a]${'，再引[^n]'.repeat(9)}。\n\n[^a]: ${note}\n\n[^n]: ${note}\n`;
    const text = renderPlainTextTokens(parseForExport(body).tokens, 'zh-CN', { wrap: 30 });
    const noteLines = text.slice(text.indexOf('[1] ')).split('\n');
    expect(noteLines.join('').replace(/\s|\[\d+\]/g, '')).toBe(note.repeat(2));
    for (const line of noteLines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });
});

describe('options schemas', () => {
  it('fill every default from an empty object and refuse bad values', () => {
    const options = ExportOptions.parse({});
    expect(options).toMatchObject({
      theme: 'classic',
      pdf: { pageSize: 'A4', marginMm: 20, pageNumbers: true },
      html: { images: 'embed' },
    });
    expect(ExportOptions.safeParse({ pdf: { marginMm: 500 } }).success).toBe(false);
    expect(WorkspaceExportSettings.parse({}).formats).toEqual(['html']);
    expect(WorkspaceExportSettings.safeParse({ formats: ['exe'] }).success).toBe(false);
  });
});

describe('plain text: definition lists', () => {
  it('puts each term on its own line and its definitions indented under it', () => {
    const body = 'Intro.\n\nApple\nOrange\n: Fruit\n: Round\n\nLoose\n\n: First\n\n  Second\n';
    expect(renderPlainTextTokens(parseForExport(body).tokens, 'en')).toBe(
      'Intro.\n\nApple\nOrange\n    Fruit\n    Round\nLoose\n    First\n\n    Second\n',
    );
  });
});
