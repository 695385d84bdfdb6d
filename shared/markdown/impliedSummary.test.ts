import { describe, expect, it } from 'vitest';
import { impliedSummary } from './impliedSummary';

describe('impliedSummary', () => {
  it('is the visible text before the first <!--more-->', () => {
    expect(
      impliedSummary(
        '## 导语\n\n复工首周，**吞吐量**[回升](https://x.org)。\n\n<!--more-->\n\n正文\n',
      ),
    ).toBe('导语 复工首周，吞吐量回升。');
    expect(impliedSummary('Lead <!--more--> rest')).toBe('Lead');
  });

  it('is null without a divider, or with one only in code or spelled otherwise', () => {
    expect(impliedSummary('正文\n')).toBeNull();
    expect(impliedSummary('```\n<!--more-->\n```\n')).toBeNull();
    expect(impliedSummary('a\n\n<!-- more -->\n')).toBeNull();
  });
});

describe('impliedSummary on long articles', () => {
  it('reads only up to the divider, and a fenced divider does not count', () => {
    const tail = '正文段落，**强调**。\n\n'.repeat(20_000);
    expect(
      impliedSummary(`导语\n\n\`\`\`\n<!--more-->\n\`\`\`\n\n第二段\n<!--more-->\n${tail}`),
    ).toBe('导语 第二段');
    expect(impliedSummary(`导语\n\n${tail}`)).toBeNull();
  });
});
