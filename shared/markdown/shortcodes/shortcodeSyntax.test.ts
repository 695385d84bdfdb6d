import { describe, expect, it } from 'vitest';
import { scanShortcodes, scanTags, unescapedTag } from './shortcodeSyntax';

describe('shortcode syntax', () => {
  it('reads names, positional and named arguments (quoted, raw and bare)', () => {
    const [tag] = scanTags('{{< figure src="a \\"b\\".png" `raw text` Width=300 >}}');
    expect(tag).toMatchObject({
      name: 'figure',
      delimiter: '<',
      positional: ['raw text'],
      named: { src: 'a "b".png', width: '300' },
    });
  });

  it('knows where each named value is written, quotes included, also after a closing slash', () => {
    const text = 'x {{<  figure src="a \\"b\\".png"  link=`big.png` Width=300 />}} {{< /figure >}}';
    const [tag, closing] = scanTags(text);
    const at = (name: string): string | undefined => {
      const span = tag?.namedAt[name];
      return span && `${span.quote}|${text.slice(span.from, span.to)}`;
    };
    expect([at('src'), at('link'), at('width')]).toEqual([
      '"|"a \\"b\\".png"',
      '`|`big.png`',
      '|300',
    ]);
    expect(closing?.namedAt).toEqual({});
    const [escaped] = scanTags('{{</* figure src="x.png" */>}}');
    expect(escaped?.namedAt).toEqual({});
  });

  it('pairs an opening tag with its closing tag at the same depth, keeping inner ones inside', () => {
    const text = '{{% note %}}a {{% note %}}b{{% /note %}} c{{% /note %}} {{< br />}}';
    const calls = scanShortcodes(text);
    expect(calls.map((c) => [c.open.name, c.inner])).toEqual([
      ['note', 'a {{% note %}}b{{% /note %}} c'],
      ['br', null],
    ]);
    expect(calls[1]?.open.selfClosing).toBe(true);
  });

  it('leaves an opening tag without a closing one alone', () => {
    expect(scanShortcodes('{{< youtube abc >}} text').map((c) => c.inner)).toEqual([null]);
  });

  it('prints escaped tags without the comment marks', () => {
    const [tag] = scanTags('{{</* figure src="x" */>}}');
    expect(tag?.escaped).toBe(true);
    expect(tag && unescapedTag(tag)).toBe('{{< figure src="x" >}}');
  });

  it('is not fooled by braces that are no shortcode', () => {
    expect(scanTags('{{ .Title }} {{< >}} {{<\n\nfigure >}} {{< figure')).toEqual([]);
  });
});
