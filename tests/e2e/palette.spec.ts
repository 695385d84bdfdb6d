import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { commandLabels } from '../../shared/commands/commandLabels';
import { commands } from '../../shared/commands/commandRegistry';
import { callByline } from './support/callByline';
import { expect, openArticle, test } from './support/fixtures';

const zhArticle = 'article-zh-hugo.md';
const zhTitle = 'OpenAI与微软权力对弈：国防合约背后的大模型自主之路';

async function openPalette(app: Page, keys: string, name: string): Promise<void> {
  await app.keyboard.press(keys);
  await expect(app.getByRole('dialog', { name })).toBeVisible();
  await expect(app.locator('.palette-input')).toBeFocused();
}

test.describe('command palette, Chinese UI', () => {
  test.use({ bylineOptions: { fixtures: ['palette-e2e'], locale: 'zh-CN' } });

  test('pinyin initials and full pinyin find Export and History, Enter runs them, Esc returns to the editor', async ({
    app,
  }) => {
    test.setTimeout(240_000); // many steps and two axe runs on a busy machine
    await openArticle(app, zhArticle);
    await app.locator('.cm-content').click();

    await openPalette(app, 'Control+Shift+P', '命令面板');
    const input = app.locator('.palette-input');
    await input.fill('dc');
    const first = app.locator('.palette [role="option"]').first();
    await expect(first).toHaveAttribute('data-key', 'command:file.export');
    await expect(first).toContainText('导出…');
    await expect(first).toContainText('Ctrl+E');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(input).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    await input.press('Enter');
    const exportDialog = app.getByRole('dialog', { name: '导出' });
    await expect(exportDialog).toBeVisible();
    await expect(app.getByRole('dialog', { name: '命令面板' })).toHaveCount(0);
    await app.keyboard.press('Escape');
    await expect(exportDialog).toBeHidden();

    await app.locator('.cm-content').click();
    await openPalette(app, 'F1', '命令面板');
    await input.fill('banbenlishi');
    await expect(app.locator('.palette [role="option"]').first()).toHaveAttribute(
      'data-key',
      'command:window.history',
    );
    await input.fill('bbls');
    await expect(app.locator('.palette [role="option"]').first()).toContainText('版本历史');
    await input.press('Enter');
    await expect(app.getByTestId('history-dialog')).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('history-dialog')).toBeHidden();

    // Arrows move the active option (wrapping); Esc closes and gives the focus back.
    await app.locator('.cm-content').click();
    await openPalette(app, 'Control+Shift+P', '命令面板');
    await input.fill('baocun');
    const options = app.locator('.palette [role="option"]');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await input.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options.first()).toHaveAttribute('aria-selected', 'false');
    await input.press('ArrowUp');
    await input.press('ArrowUp');
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');
    await input.press('Escape');
    await expect(app.getByRole('dialog', { name: '命令面板' })).toHaveCount(0);
    await expect(app.locator('.cm-content')).toBeFocused();

    // WCAG 2.1 A/AA for the palette and the menu button's menu.
    await openPalette(app, 'F1', '命令面板');
    await input.fill('bc');
    const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const paletteAxe = await new AxeBuilder({ page: app })
      .include('.palette')
      .withTags(wcag)
      .analyze();
    expect(paletteAxe.violations).toEqual([]);
    await input.press('Escape');
    await app.getByRole('button', { name: '菜单' }).click();
    const menuAxe = await new AxeBuilder({ page: app })
      .include('.app-menu')
      .withTags(wcag)
      .analyze();
    expect(menuAxe.violations).toEqual([]);
    await app.keyboard.press('Escape');

    // English names work in the Chinese UI too.
    await openPalette(app, 'F1', '命令面板');
    await input.fill('export');
    await expect(app.locator('.palette [role="option"]').first()).toHaveAttribute(
      'data-key',
      'command:file.export',
    );
    await input.fill('zzzzqqq');
    await expect(app.locator('.palette').getByRole('status')).toContainText(
      '没有与“zzzzqqq”匹配的项目。',
    );
  });
});

test.describe('command palette and app menu, English UI', () => {
  test.use({ bylineOptions: { fixtures: ['palette-e2e'] } });

  test('every registry command is in the menu and the palette, and runs from the palette', async ({
    app,
  }) => {
    test.setTimeout(300_000); // some forty commands, each opened, run and closed, on a busy machine
    await app.evaluate(() => {
      const w = window as Window & { printCalls?: number };
      w.printCalls = 0;
      window.print = () => {
        w.printCalls = (w.printCalls ?? 0) + 1;
      };
    });
    await openArticle(app, zhArticle);

    // The browser-mode menu button shows every command, grouped as the native menu bar.
    const menuButton = app.getByRole('button', { name: 'Menu' });
    await menuButton.click();
    const menu = app.getByRole('menu', { name: 'Menu' });
    await expect(menu).toBeVisible();
    for (const command of commands)
      await expect(menu.locator(`[data-key="command:${command.id}"]`)).toHaveCount(1);
    for (const name of ['File', 'Edit', 'View', 'Format', 'Insert', 'Window', 'Help'])
      await expect(menu.getByRole('group', { name })).toBeVisible();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await app.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: /Open Workspace/ })).toBeFocused();
    await app.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();

    // The menu runs commands: Help › Command Palette opens the palette.
    await menuButton.click();
    await menu.locator('[data-key="command:help.commandPalette"]').click();
    await expect(app.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    const listed = await app
      .locator('.palette [role="option"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-key')));
    for (const command of commands.filter((c) => c.id !== 'help.commandPalette'))
      expect(listed).toContain(`command:${command.id}`);
    await app.keyboard.press('Escape');

    // Every command runs from the palette (closing the tab last); none says it cannot run.
    const ordered = [
      ...commands.filter((c) => c.id !== 'file.closeTab' && c.id !== 'help.commandPalette'),
      ...commands.filter((c) => c.id === 'file.closeTab'),
    ];
    for (const command of ordered) {
      await app.locator('.workbench').press('F1');
      const input = app.locator('.palette-input');
      await expect(input).toBeFocused();
      const label = commandLabels.en[command.labelKey.replace('commands.', '') as 'save'];
      await input.fill(label.replace('…', ''));
      await expect(app.locator('.palette [role="option"]').first(), label).toHaveAttribute(
        'data-key',
        `command:${command.id}`,
      );
      await expect(app.locator('.palette [role="option"]').first()).not.toHaveAttribute(
        'aria-disabled',
        'true',
      );
      await input.press('Enter');
      await expect(app.getByRole('dialog', { name: 'Command palette' })).toHaveCount(0);
      await expect(app.getByText(/cannot run right now/)).toHaveCount(0);
      // Close whatever the command opened (a dialog, the find panel) before the next one.
      await app.keyboard.press('Escape');
    }
    await expect
      .poll(() => app.evaluate(() => (window as Window & { printCalls?: number }).printCalls))
      .toBe(1);
  });

  test('recent articles and workspaces: on the start screen, in the palette and in the menu', async ({
    page,
    byline,
  }, testInfo) => {
    const other = testInfo.outputPath('desk-two');
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, 'desk.md'), '---\ntitle: Desk two memo\n---\n\nMemo.\n');
    await callByline(byline, 'workspace.open', { root: other });
    await callByline(byline, 'workspace.open', { root: byline.workspace });
    await page.goto(byline.url);
    await expect(page.locator('.library')).toBeVisible();

    await openArticle(page, 'notes-en.md');
    await openArticle(page, zhArticle);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.palette-input');
    await input.fill('newsroom');
    await expect(page.locator('.palette [role="option"]').first()).toHaveAttribute(
      'data-key',
      'article:notes-en.md',
    );
    await expect(page.locator('.palette [role="option"]').first()).toContainText('Recent article');
    await input.fill('desk two');
    await expect(page.locator('.palette [role="option"]').first()).toHaveAttribute(
      'data-key',
      `workspace:${other}`,
    );
    await input.press('Escape');

    const menuButton = page.getByRole('button', { name: 'Menu' });
    await menuButton.click();
    const recent = page.getByRole('menu').getByRole('group', { name: 'Open Recent' });
    await expect(recent.locator('[data-key="article:notes-en.md"]')).toBeVisible();
    await expect(recent.locator(`[data-key="workspace:${other}"]`)).toBeVisible();
    await page.keyboard.press('Escape');

    // With every tab closed the start screen lists both, and opens what is clicked.
    for (let open = 2; open > 0; open -= 1) {
      await page.locator('.workbench').press('Control+w');
      await expect(page.getByRole('tab')).toHaveCount(open - 1);
    }
    const start = page.getByTestId('start-screen');
    await expect(start.getByRole('heading', { name: 'Start writing' })).toBeVisible();
    await expect(start.locator('[data-path="notes-en.md"]')).toBeVisible();
    await expect(start.locator(`[data-path="${zhArticle}"]`)).toContainText(zhTitle);
    await expect(start.locator(`[data-root="${other}"]`)).toBeVisible();
    await start.locator('[data-path="notes-en.md"]').click();
    await expect(page.locator('[role="tab"][aria-selected="true"]')).toContainText(
      'Newsroom notes',
    );

    // Picking a recent workspace from the palette switches to it.
    await page.keyboard.press('F1');
    await input.fill('desk-two');
    await input.press('Enter');
    await expect(page.locator('.library-item[data-path="desk.md"]')).toBeVisible();
  });
});
