import { describe, expect, it } from 'vitest';
import type { ContextMenuInput } from './buildContextMenuTemplate';
import { buildContextMenuTemplate } from './buildContextMenuTemplate';

const allFlags = {
  canUndo: true,
  canRedo: false,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canSelectAll: true,
};
const base: ContextMenuInput = {
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  linkURL: '',
  editFlags: allFlags,
};

const summary = (input: ContextMenuInput, platform = 'linux', locale: 'en' | 'zh-CN' = 'en') =>
  buildContextMenuTemplate(input, locale, platform).map((item) =>
    item.type === 'separator'
      ? '---'
      : `${item.label}${item.enabled === false ? ' (disabled)' : ''}`,
  );

describe('buildContextMenuTemplate', () => {
  it('offers spelling suggestions first, then Add to Dictionary, then the editing items', () => {
    const input = {
      ...base,
      misspelledWord: 'goverment',
      dictionarySuggestions: ['government', 'governments'],
    };
    expect(summary(input)).toEqual([
      'government',
      'governments',
      'Add to Dictionary',
      '---',
      'Undo',
      'Redo (disabled)',
      '---',
      'Cut',
      'Copy',
      'Paste',
      'Select All',
    ]);
    const [first, , add] = buildContextMenuTemplate(input, 'en', 'linux');
    expect(first?.action).toEqual({ kind: 'replaceMisspelling', word: 'government' });
    expect(add?.action).toEqual({ kind: 'addToDictionary', word: 'goverment' });
  });

  it('says so when there are no suggestions, and caps a long list', () => {
    expect(summary({ ...base, misspelledWord: 'xqzt' })[0]).toBe(
      'No Spelling Suggestions (disabled)',
    );
    const many = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const items = buildContextMenuTemplate(
      { ...base, misspelledWord: 'w', dictionarySuggestions: many },
      'en',
      'linux',
    );
    expect(items.filter((item) => item.action?.kind === 'replaceMisspelling')).toHaveLength(6);
  });

  it('adds Look Up for a selected word on macOS only, with Cmd accelerators there', () => {
    const input = { ...base, selectionText: 'tariff' };
    const mac = buildContextMenuTemplate(input, 'en', 'darwin');
    expect(mac[0]).toEqual({ label: 'Look Up “tariff”', action: { kind: 'lookUp' } });
    expect(mac.find((item) => item.role === 'copy')?.accelerator).toBe('Cmd+C');
    expect(summary(input, 'win32')).not.toContain('Look Up “tariff”');
    expect(
      buildContextMenuTemplate(input, 'en', 'win32').find((item) => item.role === 'redo')
        ?.accelerator,
    ).toBe('Ctrl+Y');
  });

  it('in the read-only preview offers Copy for a selection and Copy Link Address for web links only', () => {
    const preview = {
      ...base,
      isEditable: false,
      selectionText: 'export rules',
      linkURL: 'https://example.org/a',
    };
    expect(summary(preview)).toEqual(['Copy Link Address', '---', 'Copy']);
    expect(summary({ ...preview, linkURL: 'javascript:alert(1)', selectionText: '' })).toEqual([]);
  });

  it('speaks Chinese', () => {
    expect(
      summary({ ...base, misspelledWord: 'teh', dictionarySuggestions: ['the'] }, 'linux', 'zh-CN'),
    ).toEqual([
      'the',
      '添加到词典',
      '---',
      '撤销',
      '重做 (disabled)',
      '---',
      '剪切',
      '复制',
      '粘贴',
      '全选',
    ]);
  });
});
