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
