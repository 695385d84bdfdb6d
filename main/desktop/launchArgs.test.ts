import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from './launchArgs';

describe('parseLaunchArgs', () => {
  it('packaged on Linux: every non-switch argument is a path, resolved against the working folder', () => {
    expect(
      parseLaunchArgs(['/opt/Byline/byline', 'notes/a.md', '--no-sandbox', '/srv/site'], {
        isPackaged: true,
        cwd: '/home/li',
      }),
    ).toEqual(['/home/li/notes/a.md', '/srv/site']);
  });

  it('from source: skips the app path and Chromium/Playwright switches', () => {
    const argv = [
      '/x/electron',
      '--inspect=0',
      '--remote-debugging-port=0',
      '/repo',
      '--user-data-dir=/tmp/u',
      'draft.md',
    ];
    expect(parseLaunchArgs(argv, { isPackaged: false, cwd: '/work' })).toEqual(['/work/draft.md']);
    expect(parseLaunchArgs(['/x/electron', '.'], { isPackaged: false, cwd: '/repo' })).toEqual([]);
  });

  it('Windows: drive paths, relative paths and file:// URLs from the shell', () => {
    const argv = [
      'C:\\Program Files\\Byline\\Byline.exe',
      'D:\\news\\稿件.md',
      'drafts\\b.markdown',
      'file:///C:/Users/li/My%20Notes',
    ];
    expect(
      parseLaunchArgs(argv, { isPackaged: true, cwd: 'C:\\Users\\li', platform: 'win32' }),
    ).toEqual([
      'D:\\news\\稿件.md',
      'C:\\Users\\li\\drafts\\b.markdown',
      'C:\\Users\\li\\My Notes',
    ]);
  });

  it('macOS: ignores the -psn_ process serial number Finder may add', () => {
    expect(
      parseLaunchArgs(['/Applications/Byline.app/Contents/MacOS/Byline', '-psn_0_12345'], {
        isPackaged: true,
        cwd: '/',
      }),
    ).toEqual([]);
  });

  it('after -- everything is a path, even if it starts with a dash', () => {
    expect(
      parseLaunchArgs(['byline', '--', '-odd-name.md'], { isPackaged: true, cwd: '/tmp' }),
    ).toEqual(['/tmp/-odd-name.md']);
  });
});
