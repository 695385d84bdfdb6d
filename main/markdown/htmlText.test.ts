import { describe, expect, it } from 'vitest';
import { createHtmlText } from './htmlText';
import { createNodeSanitizer } from './nodeSanitizer';

const htmlText = createHtmlText(createNodeSanitizer());

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
});
