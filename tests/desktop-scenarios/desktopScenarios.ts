/**
 * The desktop app's end-to-end scenarios, written once against DesktopLauncher: run by
 * tests/electron-standin/ (the built main bundle under the Electron stand-in, in `npm test`) and by
 * tests/electron/ (the real Electron binary, `npm run test:electron`).
 */
import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DesktopLauncher, RunningDesktop } from './desktopDriver';

export interface DesktopScenario {
  title: string;
  /** A known bug this scenario shows: the scenario is listed as expected to fail until fixed. */
  knownBug?: string;
  run(launcher: DesktopLauncher): Promise<void>;
}

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const article = 'posts/chip-export-rules.md';

async function openArticle(desktop: RunningDesktop, workspacePath: string): Promise<void> {
  const page = await desktop.page();
  await page.locator(`.library-item[data-path="${workspacePath}"]`).click();
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveAttribute(
    'title',
    new RegExp(`${workspacePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
}

/** Autosave off: the close prompt scenarios check what reaches the disk through the prompt alone. */
const noAutosave = { settings: { autosave: false } };

/** Types at the end of the open article. */
async function typeAtEnd(desktop: RunningDesktop, text: string): Promise<void> {
  const page = await desktop.page();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

/** Closes the window with unsaved changes, answering the prompt; returns the prompt's options. */
async function closeAnswering(
  desktop: RunningDesktop,
  button: 'Save' | 'Don’t Save' | 'Cancel',
): Promise<{ message: string; buttons: string[] }> {
  const before = await desktop.dialogsAnswered('showMessageBox');
  await desktop.scriptDialog({ kind: 'showMessageBox', button });
  await desktop.closeWindow();
  // Main has the answer before the scenario goes on (the next close would find it still asking).
  await expect.poll(() => desktop.dialogsAnswered('showMessageBox')).toBe(before + 1);
  return (await desktop.dialogsShown('showMessageBox'))[before] as {
    message: string;
    buttons: string[];
  };
}

export const desktopScenarios: DesktopScenario[] = [
  {
    title: 'starts on byline://app with the native menu built from the command registry',
    async run(launcher) {
      const desktop = await launcher.launch();
      const page = await desktop.page();
      await expect(page.locator(`.library-item[data-path="${article}"]`)).toBeVisible();
      expect(await desktop.windowUrl()).toBe('byline://app/index.html');
      const expected = ['File', 'Edit', 'View', 'Format', 'Insert', 'Window', 'Help'];
      expect(await desktop.menuTitles()).toEqual(
        desktop.platform === 'darwin' ? ['Byline', ...expected] : expected,
      );
      expect(await desktop.accelerator('file.save')).toBe(
        desktop.platform === 'darwin' ? 'Cmd+S' : 'Ctrl+S',
      );
      await desktop.quit();
    },
  },
  {
    title: 'File › Open Workspace… shows a folder dialog and opens the chosen folder',
    async run(launcher) {
      const desktop = await launcher.launch();
      const other = path.join(desktop.profile.base, 'other-workspace');
      cpSync(path.join(fixtures, 'writing-e2e'), other, { recursive: true });
      await desktop.page();
      await desktop.scriptDialog({ kind: 'showOpenDialog', filePaths: [other] });
      await desktop.clickMenuItem('file.openWorkspace');
      // The renderer reloads onto the new workspace.
      const page = await desktop.page();
      // A bound for the reload and the new library listing on a busy machine, not a speed check.
      await expect(page.locator('.library-item[data-path="long/scroll-sync.md"]')).toBeVisible({
        timeout: 60_000,
      });
      const [options] = await desktop.dialogsShown('showOpenDialog');
      expect(options?.properties).toContain('openDirectory');
      await expect
        .poll(async () => (await desktop.submenu('file.openRecent')).map((item) => item.toolTip))
        .toContain(desktop.profile.workspace);
      await desktop.quit();
    },
  },
  {
    title: 'edits and saves an article to disk',
    async run(launcher) {
      const desktop = await launcher.launch();
      const file = path.join(desktop.profile.workspace, article);
      const original = readFileSync(file, 'utf8');
      await openArticle(desktop, article);
      await typeAtEnd(desktop, '电子版补充。');
      const page = await desktop.page();
      await page.keyboard.press('Control+s');
      await expect(page.getByTestId('save-state')).toHaveText('Saved');
      expect(readFileSync(file, 'utf8')).toBe(original + '电子版补充。');
      await desktop.quit();
    },
  },
  {
    title:
      'closing with unsaved changes asks Save / Don’t Save / Cancel: Cancel keeps the window, Save writes and closes',
    async run(launcher) {
      const desktop = await launcher.launch(noAutosave);
      const file = path.join(desktop.profile.workspace, article);
      const original = readFileSync(file, 'utf8');
      await openArticle(desktop, article);
      await typeAtEnd(desktop, '未保存的一句。');
      const page = await desktop.page();
      await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

      const prompt = await closeAnswering(desktop, 'Cancel');
      expect(prompt.message).toContain('Do you want to save the changes');
      expect([...prompt.buttons].sort()).toEqual(['Cancel', 'Don’t Save', 'Save']);
      expect(await desktop.windowCount()).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(original);

      await closeAnswering(desktop, 'Save');
      await desktop.whenQuit();
      expect(readFileSync(file, 'utf8')).toBe(original + '未保存的一句。');
    },
  },
  {
    title: 'closing with unsaved changes and answering Don’t Save closes without writing',
    async run(launcher) {
      const desktop = await launcher.launch(noAutosave);
      const file = path.join(desktop.profile.workspace, article);
      const original = readFileSync(file, 'utf8');
      await openArticle(desktop, article);
      await typeAtEnd(desktop, '不要保存。');
      await expect((await desktop.page()).getByTestId('save-state')).toHaveText('Unsaved changes');
      await closeAnswering(desktop, 'Don’t Save');
      await desktop.whenQuit();
      expect(readFileSync(file, 'utf8')).toBe(original);
    },
  },
  {
    title:
      'closing with an unsaved untitled article: Save asks where it goes, writes it there and closes',
    async run(launcher) {
      const desktop = await launcher.launch(noAutosave);
      const file = path.join(desktop.profile.workspace, article);
      const original = readFileSync(file, 'utf8');
      await openArticle(desktop, article);
      await typeAtEnd(desktop, '一并保存。');
      const page = await desktop.page();
      // Text the page made itself (a browser or mail attachment): the OS gives it no path.
      const dropped = '---\ntitle: 外稿：港口吞吐量回升\n---\n\n第一段。\n';
      await page.evaluate((text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], '外稿 港口.md', { type: 'text/markdown' }));
        const target = document.querySelector('.app-shell') as Element;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(
            new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
          );
      }, dropped);
      const activeTab = page.locator('[role="tab"][aria-selected="true"]');
      await expect(activeTab).toHaveAttribute('data-untitled', 'true');

      const placed = path.join(desktop.profile.workspace, 'posts', '港口.md');
      await desktop.scriptDialog({ kind: 'showSaveDialog', filePath: placed });
      await closeAnswering(desktop, 'Save');
      await desktop.whenQuit();
      expect(readFileSync(placed, 'utf8')).toBe(dropped);
      expect(readFileSync(file, 'utf8')).toBe(original + '一并保存。');
      const [options] = await desktop.dialogsShown('showSaveDialog');
      expect(String(options?.defaultPath)).toContain('外稿 港口.md');
    },
  },
  {
    title: 'a Markdown file on the command line opens in its folder as the workspace',
    async run(launcher) {
      const first = await launcher.launch();
      await first.page();
      const elsewhere = path.join(first.profile.base, 'elsewhere');
      cpSync(path.join(fixtures, 'writing-e2e'), elsewhere, { recursive: true });
      await first.quit();
      const file = path.join(first.profile.workspace, article);
      const desktop = await launcher.launch({
        profile: first.profile,
        startWorkspace: elsewhere,
        args: [file],
      });
      const page = await desktop.page();
      await expect(page.locator('.library-item[data-path="chip-export-rules.md"]')).toBeVisible();
      await expect(page.locator('.cm-content')).toContainText('供应链');
      await expect
        .poll(async () => (await desktop.submenu('file.openRecent')).map((item) => item.toolTip))
        .toContain(file);
      await desktop.quit();
    },
  },
  {
    title: 'a Markdown file opened while Byline runs goes to the running window (second-instance)',
    async run(launcher) {
      const desktop = await launcher.launch();
      const page = await desktop.page();
      const file = path.join(desktop.profile.workspace, article);
      await launcher.secondInstance(desktop, [file], path.dirname(file));
      await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveAttribute(
        'title',
        new RegExp(`${article}$`),
      );
      await expect(page.locator('.cm-content')).toContainText('供应链');
      expect(await desktop.windowCount()).toBe(1);
      await desktop.quit();
    },
  },
  {
    title:
      'Markdown files dropped from disk open in their own tabs (GB18030 decoded); the open article is unchanged',
    async run(launcher) {
      const desktop = await launcher.launch();
      const file = path.join(desktop.profile.workspace, article);
      const original = readFileSync(file, 'utf8');
      await openArticle(desktop, article);
      const downloads = path.join(desktop.profile.base, 'Downloads');
      mkdirSync(downloads, { recursive: true });
      const dropped = path.join(downloads, '外稿 港口.md');
      writeFileSync(dropped, '# 外稿：港口吞吐量回升\n\n第一段。\n');
      const page = await desktop.page();
      const activeTab = page.locator('[role="tab"][aria-selected="true"]');

      await desktop.dropFile(dropped);
      await expect(activeTab).toContainText('外稿 港口.md');
      await expect(page.locator('.cm-content')).toContainText('港口吞吐量回升');

      // Not UTF-8: main reads it from disk with its encoding detector, never as U+FFFD.
      const legacy = path.join(downloads, '旧稿.md');
      cpSync(path.join(fixtures, 'encodings/gb18030.md'), legacy);
      await desktop.dropFile(legacy);
      await expect(activeTab).toContainText('旧稿.md');
      await expect(page.locator('.cm-content')).toContainText('芯片出口新规落地');
      await expect(page.locator('.cm-content')).not.toContainText('\uFFFD');

      expect(readFileSync(file, 'utf8')).toBe(original);
      await desktop.quit();
    },
  },
  {
    title: 'window size and open tabs come back after a restart',
    async run(launcher) {
      const first = await launcher.launch();
      await openArticle(first, article);
      await expect((await first.page()).locator('.cm-content')).toContainText('供应链');
      await first.setWindowSize(1000, 700);
      const size = await first.windowSize();
      // The renderer reports its open tabs, then the active one, to main; wait until main has
      // stored the article as the active tab (being among the open tabs is not enough).
      const sessionFile = path.join(first.profile.userData, 'session.json');
      const storedActiveTab = (): string | null => {
        if (!existsSync(sessionFile)) return null;
        const stored = JSON.parse(readFileSync(sessionFile, 'utf8')) as {
          workspaces?: { session?: { activeTab?: string | null } }[];
        };
        return stored.workspaces?.[0]?.session?.activeTab ?? null;
      };
      await expect.poll(storedActiveTab).toBe(article);
      await first.quit();
      expect(existsSync(path.join(first.profile.userData, 'window-state.json'))).toBe(true);

      const second = await launcher.launch({ profile: first.profile });
      const page = await second.page();
      expect(await second.windowSize()).toEqual(size);
      await expect(page.locator('.cm-content')).toContainText('供应链');
      await second.quit();
    },
  },
  {
    title: 'exports an article to PDF through the window’s printToPDF',
    async run(launcher) {
      const desktop = await launcher.launch();
      const out = path.join(desktop.profile.workspace, 'pdf-out');
      await openArticle(desktop, article);
      const page = await desktop.page();
      await page.keyboard.press('Control+e');
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await expect(dialog).toBeVisible();
      for (const name of ['HTML page', 'PDF', 'Word (.docx)', 'Hugo page bundle', 'WeChat HTML']) {
        const box = dialog.getByRole('checkbox', { name, exact: true });
        if (name === 'PDF') await box.check();
        else await box.uncheck();
      }
      await dialog.getByRole('checkbox', { name: 'Plain text', exact: true }).uncheck();
      await dialog.locator('input[name="outputDir"]').fill(out);
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(dialog.getByTestId('export-progress-text')).toHaveText('1 exported, 0 failed', {
        timeout: 60_000,
      });
      const pdfs = readdirSync(out).filter((name) => name.endsWith('.pdf'));
      expect(pdfs).toHaveLength(1);
      const bytes = readFileSync(path.join(out, pdfs[0] ?? ''));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Read back by poppler, not by us: the article's text is in the PDF.
      const text = execFileSync(
        'pdftotext',
        ['-enc', 'UTF-8', path.join(out, pdfs[0] ?? ''), '-'],
        {
          encoding: 'utf8',
        },
      );
      expect(text.replace(/\s+/g, '')).toContain('供应链');
      await desktop.quit();
    },
  },
];
