import { describe, expect, it } from 'vitest';
import { createHtmlText } from './htmlText';
import { createNodeSanitizer } from './nodeSanitizer';

const htmlPieces = createHtmlText(createNodeSanitizer());
/** Paragraphs as plain text: what a reader sees of them, marks and images aside. */
const htmlText = (html: string): string[] =>
  htmlPieces(html).map((pieces) =>
    pieces
      .map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'break' ? '\n' : ''))
      .join(''),
  );

describe('createHtmlText', () => {
  it('reads blocks as paragraphs and <br> as a line break', () => {
    expect(htmlText('<div class="note">重要内容，<b>必须</b>保留</div>')).toEqual([
      '重要内容，必须保留',
    ]);
    expect(htmlText('<p>段一</p>\n<p>段二<br>第二行</p>')).toEqual(['段一', '段二\n第二行']);
    expect(htmlText('<ul><li>甲</li><li>乙</li></ul>')).toEqual(['甲', '乙']);
  });

  it('shows nothing the sanitizer removes: scripts, styles, attributes, comments', () => {
    expect(
      htmlText(
        '<div title="属性">可见<script>脚本</script><style>p{}</style><!-- 备注 --></div>' +
          '<a href="javascript:alert(1)">链接</a>',
      ),
    ).toEqual(['可见', '链接']);
    expect(htmlText('<script>alert(1)</script>')).toEqual([]);
  });

  it('collapses HTML whitespace as a browser does, keeps the ideographic space and <pre>', () => {
    expect(htmlText('<div>\n  Breaking   news\n  <span> from </span> 港口　码头\n</div>')).toEqual([
      'Breaking news from 港口　码头',
    ]);
    expect(htmlText('<pre>line 1\n  line 2</pre>')).toEqual(['line 1\n  line 2']);
  });

  it('puts table cells of a row on one line', () => {
    expect(
      htmlText(
        '<table><tr><th>港口</th><th>吞吐量</th></tr><tr><td>上海</td><td>八成</td></tr></table>',
      ),
    ).toEqual(['港口 吞吐量', '上海 八成']);
  });

  it('keeps bold, italics, a link’s address and an image, as Markdown would have them', () => {
    expect(
      htmlPieces(
        '<p>据<a href="https://port.example.org/公告">港务局</a><b>最新</b><i>通报</i>' +
          '<img src="images/码头 夜景.jpg" alt="码头夜景" title="夜"></p>',
      ),
    ).toEqual([
      [
        { kind: 'text', text: '据' },
        { kind: 'open', mark: 'link', href: 'https://port.example.org/公告' },
        { kind: 'text', text: '港务局' },
        { kind: 'close', mark: 'link' },
        { kind: 'open', mark: 'strong' },
        { kind: 'text', text: '最新' },
        { kind: 'close', mark: 'strong' },
        { kind: 'open', mark: 'em' },
        { kind: 'text', text: '通报' },
        { kind: 'close', mark: 'em' },
        // A local path as written: the writers resolve it as they resolve a Markdown image's.
        { kind: 'image', src: 'images/码头 夜景.jpg', alt: '码头夜景', title: '夜' },
      ],
    ]);
    // An address the sanitizer removes leaves the text alone, not a link.
    expect(htmlPieces('<a href="javascript:alert(1)">链接</a>')).toEqual([
      [{ kind: 'text', text: '链接' }],
    ]);
  });

  it('keeps a local image path, never what the sanitizer refuses for an image', () => {
    const images = (html: string): (string | undefined)[] =>
      htmlPieces(html)
        .flat()
        .map((piece) => (piece.kind === 'image' ? piece.src : undefined))
        .filter((src) => src !== undefined);
    expect(
      images(
        '<img src="/images/站点.png"><img src="a&amp;b.png"><img src="https://cdn.example.com/a.png">' +
          '<img src="javascript:alert(1)"><img src="data:image/svg+xml,<svg/>"><img src="  ">',
      ),
    ).toEqual(['/images/站点.png', 'a&b.png', '', '', '', '']);
    // A script's text is not an image, even when it spells one.
    expect(images('<script>x = "<img src=a.png>"</script><img src="b.png">')).toEqual(['b.png']);
  });
});
