import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, openArticle, test } from './support/fixtures';

// WCAG 2.1 A/AA (axe-core) on every screen a writer works in, in the Chinese UI, light and dark.
test.use({ bylineOptions: { fixtures: ['writing-e2e'], locale: 'zh-CN' } });
// axe walks the whole DOM several times per screen: minutes on a loaded two-core machine.
test.describe.configure({ timeout: 900_000 });

const sample = 'posts/chip-export-rules.md';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('main screen with the article details and references panels open', async ({ app }) => {
      await openArticle(app, sample);
      await expect(app.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await openSidePanels(app);
      await expectNoAxeViolations(app, `the main screen (${colorScheme})`);
    });

    test('export, settings and history dialogs', async ({ app }) => {
      await openArticle(app, sample);
      for (const [command, name] of [
        ['file.export', 'export'],
        ['window.settings', 'settings'],
        ['window.history', 'history'],
      ] as const) {
        await runCommand(app, command);
        const dialog = app.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await expectNoAxeViolations(app, `the ${name} dialog (${colorScheme})`);
        await app.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    });
  });
}

/** Keyboard shortcuts of the registry, as a writer would press them. */
const shortcuts = {
  'file.export': 'Control+e',
  'window.settings': 'Control+,',
  'window.history': 'Control+Shift+H',
  'view.toggleFrontMatterPanel': 'Control+Shift+M',
  'view.toggleReferencesPanel': 'Control+Shift+R',
} as const;

async function runCommand(page: Page, command: keyof typeof shortcuts): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press(shortcuts[command]);
}

async function openSidePanels(page: Page): Promise<void> {
  for (const [command, panel] of [
    ['view.toggleFrontMatterPanel', '.fm-panel'],
    ['view.toggleReferencesPanel', '.references-panel'],
  ] as const) {
    if (!(await page.locator(panel).isVisible())) await runCommand(page, command);
    await expect(page.locator(panel)).toBeVisible();
  }
}
