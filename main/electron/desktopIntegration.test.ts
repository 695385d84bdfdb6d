import { describe, expect, it } from 'vitest';
import {
  buildDockMenuTemplate,
  buildJumpList,
  pickFileOptions,
  pickFolderOptions,
  saveAsOptions,
  saveDialogFilters,
  spellcheckPlan,
} from './desktopIntegration';

const available = ['en-US', 'en-GB', 'de-DE', 'fr-FR'];

describe('spellcheckPlan', () => {
  it('macOS uses the system spell checker: on unless turned off, no languages to download', () => {
    expect(spellcheckPlan({ spellcheck: true, spellcheckLanguages: [] }, 'darwin', [])).toEqual({
      enabled: true,
      languages: [],
    });
    expect(
      spellcheckPlan({ spellcheck: false, spellcheckLanguages: ['en-US'] }, 'darwin', []),
    ).toEqual({ enabled: false, languages: [] });
  });

  it('Windows/Linux stay off (no dictionary download) until the writer picks a language', () => {
    expect(
      spellcheckPlan({ spellcheck: true, spellcheckLanguages: [] }, 'linux', available),
    ).toEqual({ enabled: false, languages: [] });
    expect(
      spellcheckPlan(
        { spellcheck: true, spellcheckLanguages: ['en-us', 'de-DE', 'xx-YY', 'en-US'] },
        'win32',
        available,
      ),
    ).toEqual({
      enabled: true,
      languages: ['en-US', 'de-DE'],
    });
    expect(
      spellcheckPlan({ spellcheck: false, spellcheckLanguages: ['en-US'] }, 'linux', available)
        .enabled,
    ).toBe(false);
  });
});

describe('file dialogs', () => {
  it('open workspace picks a folder; open file filters Markdown articles first', () => {
    expect(pickFolderOptions({}, 'en')).toMatchObject({
      title: 'Open Workspace',
      properties: ['openDirectory', 'createDirectory'],
    });
    const file = pickFileOptions({ defaultPath: '/home/li/Byline' }, 'zh-CN');
    expect(file.title).toBe('打开文章');
    expect(file.defaultPath).toBe('/home/li/Byline');
    expect(file.filters?.[0]).toEqual({
      name: 'Markdown 文章',
      extensions: ['md', 'markdown', 'mdown', 'mkd'],
    });
    expect(file.filters?.[1]?.extensions).toEqual(['*']);
  });

  it('save as and export locations filter by format and confirm overwrites', () => {
    expect(saveDialogFilters('docx', 'en')).toEqual([
      { name: 'Word documents', extensions: ['docx'] },
    ]);
    const save = saveAsOptions({ kind: 'markdown' }, 'en');
    expect(save.title).toBe('Save As');
    expect(save.properties).toContain('showOverwriteConfirmation');
    expect(saveAsOptions({ kind: 'pdf', title: 'Export PDF' }, 'en')).toMatchObject({
      title: 'Export PDF',
      filters: [{ extensions: ['pdf'] }],
    });
    expect(saveAsOptions({ kind: 'html' }, 'en').title).toBe('Export To');
  });
});

describe('jump list and dock menu', () => {
  it('Windows: the recent articles category plus recent workspaces as tasks that start Byline on them', () => {
    const list = buildJumpList(
      ['C:\\Users\\li\\Byline', 'D:\\sites\\newsroom'],
      'C:\\Program Files\\Byline\\Byline.exe',
      'en',
    );
    expect(list[0]).toEqual({ type: 'recent' });
    expect(list[1]).toMatchObject({ type: 'custom', name: 'Recent workspaces' });
    const items = list[1]?.items ?? [];
    expect(items[0]).toMatchObject({
      type: 'task',
      title: 'Byline',
      args: '"C:\\Users\\li\\Byline"',
      program: 'C:\\Program Files\\Byline\\Byline.exe',
    });
    expect(items[1]).toMatchObject({ title: 'newsroom' });
    expect(buildJumpList([], 'Byline.exe', 'en')).toEqual([{ type: 'recent' }]);
  });

  it('macOS dock: recent workspaces that reopen in the running app', () => {
    expect(buildDockMenuTemplate(['/Users/li/Byline'])).toEqual([
      { label: 'Byline — li', action: { kind: 'openRecent', path: '/Users/li/Byline' } },
    ]);
  });
});
