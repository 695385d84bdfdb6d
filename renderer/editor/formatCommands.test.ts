import { describe, expect, it } from 'vitest';
import {
  imageMarkdown,
  insertFootnote,
  insertImageTemplate,
  insertLink,
  insertTable,
  setHeading2,
  setHeading3,
  toggleBold,
  toggleBulletList,
  toggleInlineCode,
  toggleItalic,
  toggleOrderedList,
  toggleQuote,
  toggleStrikethrough,
} from './formatCommands';
import { runCommand } from './stateString';

describe('inline markup', () => {
  it('wraps a selection and keeps it selected', () => {
    expect(runCommand(toggleBold, '新规«正式生效»了')).toBe('新规**«正式生效»**了');
    expect(runCommand(toggleItalic, 'a «word» b')).toBe('a *«word»* b');
    expect(runCommand(toggleStrikethrough, '«旧说法»')).toBe('~~«旧说法»~~');
    expect(runCommand(toggleInlineCode, 'run «npm test»')).toBe('run `«npm test»`');
  });

  it('inserts a pair at an empty cursor, cursor inside', () => {
    expect(runCommand(toggleBold, '供应链|')).toBe('供应链**|**');
  });

  it('unwraps when the markers surround the selection or are inside it', () => {
    expect(runCommand(toggleBold, '新规**«正式生效»**了')).toBe('新规«正式生效»了');
    expect(runCommand(toggleBold, '新规«**正式生效**»了')).toBe('新规«正式生效»了');
  });

  it('does not mistake bold markers for italic ones', () => {
    expect(runCommand(toggleItalic, '**«bold»**')).toBe('***«bold»***');
  });

  it('acts on every cursor', () => {
    expect(runCommand(toggleBold, '«一»和«二»')).toBe('**«一»**和**«二»**');
  });
});

describe('line formatting', () => {
  it('sets, changes and removes headings', () => {
    expect(runCommand(setHeading2, '供应链|：从集中到分散')).toBe('## 供应链|：从集中到分散');
    expect(runCommand(setHeading3, '## 供应链|')).toBe('### 供应链|');
    expect(runCommand(setHeading2, '## 供应链|')).toBe('供应链|');
  });

  it('toggles quotes on every selected line', () => {
    expect(runCommand(toggleQuote, '«第一行\n第二行»')).toBe('> «第一行\n> 第二行»');
    expect(runCommand(toggleQuote, '> «第一行\n> 第二行»')).toBe('«第一行\n第二行»');
  });

  it('toggles and converts lists', () => {
    expect(runCommand(toggleBulletList, '«芯片\n出口管制»')).toBe('- «芯片\n- 出口管制»');
    expect(runCommand(toggleBulletList, '- «芯片\n- 出口管制»')).toBe('«芯片\n出口管制»');
    expect(runCommand(toggleOrderedList, '- «芯片\n- 出口管制»')).toBe('1. «芯片\n2. 出口管制»');
  });

  it('skips blank lines in a multi-line selection', () => {
    expect(runCommand(toggleBulletList, '«a\n\nb»')).toBe('- «a\n\n- b»');
  });
});

describe('inserts', () => {
  it('links', () => {
    expect(runCommand(insertLink, '见|')).toBe('见[|]()');
    expect(runCommand(insertLink, '见«科技日报»')).toBe('见[科技日报](|)');
    expect(runCommand(insertLink, '«https://example.com/a»')).toBe('[|](https://example.com/a)');
  });

  it('image template and image markdown', () => {
    expect(runCommand(insertImageTemplate, '|')).toBe('![](|)');
    expect(imageMarkdown('图 1', 'images/chip.png')).toBe('![图 1](images/chip.png)');
    expect(imageMarkdown('x', 'images/a b.png')).toBe('![x](<images/a b.png>)');
  });

  it('tables as their own paragraph', () => {
    expect(runCommand(insertTable(), '前文|')).toBe(
      '前文\n\n| «   » |     |\n| --- | --- |\n|     |     |\n',
    );
  });

  it('plain footnotes number after the highest one', () => {
    expect(runCommand(insertFootnote, '正文|。\n\n[^1]: 来源\n')).toBe(
      '正文[^2]。\n\n[^1]: 来源\n[^2]: |',
    );
    expect(runCommand(insertFootnote, '正文|')).toBe('正文[^1]\n\n[^1]: |');
  });
});
