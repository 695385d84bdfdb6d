import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { editorText } from './support/editorView';
import { expect, openArticle as openInLibrary, test } from './support/fixtures';

// Typing a date digit by digit in the front-matter form, in English and in Chinese: a segment
// is written only once it is whole, so neither the editor text nor the file ever holds a
// partial year, and each segment typed is one undo step.
const sample = 'posts/chip-export-rules.md';
const original = 'date: 2025-06-18T11:20:04+08:00';

const dateField = (page: Page) =>
  page.getByTestId('front-matter-panel').locator('[data-field-key="date"]');

async function openArticle(page: Page): Promise<void> {
  await openInLibrary(page, sample);
  await expect(page.getByTestId('front-matter-panel')).toHaveAttribute('data-schema', 'loaded');
}

const dateLine = async (page: Page): Promise<string | undefined> =>
  (await editorText(page)).split('\n').find((line) => line.startsWith('date:'));

/** Types a year digit by digit; after each digit but the last, nothing has been written. */
async function typeYear(page: Page, yearName: string, digits: string): Promise<void> {
  const year = dateField(page).getByRole('spinbutton', { name: yearName });
  await year.focus();
  for (const [index, digit] of [...digits].entries()) {
    await page.keyboard.press(digit);
    if (index < digits.length - 1) {
      await expect(year).toHaveText(digits.slice(0, index + 1));
      expect(await dateLine(page)).toBe(original);
      await expect(page.getByTestId('save-state')).toHaveText(/Saved|已保存/);
    }
  }
}

async function saveAndRead(page: Page, file: string): Promise<string> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^(Saved|已保存)$/);
  return readFileSync(file, 'utf8');
}

test.describe('English UI', () => {
  test.use({ bylineOptions: { fixtures: ['schema-workspace'] }, locale: 'en-US' });

  test('year typed digit by digit, seconds back to :00, one undo step each', async ({
    app,
    byline,
  }) => {
    const file = path.join(byline.workspace, sample);
    const before = readFileSync(file, 'utf8');
    await openArticle(app);
    const segments = dateField(app).getByTestId('date-segments');
    // The US order and clock for an English UI in the US.
    await expect(segments).toHaveText('06/18/2025, 11:20:04 AM');

    await typeYear(app, 'Year', '2024');
    await expect.poll(() => dateLine(app)).toBe('date: 2024-06-18T11:20:04+08:00');
    // The year is whole: focus moved on to the next segment.
    await expect(dateField(app).getByRole('spinbutton', { name: 'Hour' })).toBeFocused();

    await dateField(app).getByRole('spinbutton', { name: 'Second' }).focus();
    await app.keyboard.press('0');
    expect(await dateLine(app)).toBe('date: 2024-06-18T11:20:04+08:00');
    await app.keyboard.press('0');
    await expect.poll(() => dateLine(app)).toBe('date: 2024-06-18T11:20:00+08:00');
    await expect(segments).toHaveText('06/18/2024, 11:20:00 AM');

    const saved = await saveAndRead(app, file);
    expect(saved).toBe(before.replace(original, 'date: 2024-06-18T11:20:00+08:00'));

    await app.keyboard.press('Control+z');
    await expect.poll(() => dateLine(app)).toBe('date: 2024-06-18T11:20:04+08:00');
    await app.keyboard.press('Control+z');
    await expect.poll(() => dateLine(app)).toBe(original);
    await expect(segments).toHaveText('06/18/2025, 11:20:04 AM');
  });

  test('arrows step a segment; a partial year left behind is dropped, never written', async ({
    app,
  }) => {
    await openArticle(app);
    const month = dateField(app).getByRole('spinbutton', { name: 'Month' });
    await month.focus();
    await app.keyboard.press('ArrowUp');
    await expect.poll(() => dateLine(app)).toBe('date: 2025-07-18T11:20:04+08:00');
    const year = dateField(app).getByRole('spinbutton', { name: 'Year' });
    await year.focus();
    await app.keyboard.press('2');
    await app.keyboard.press('0');
    await month.focus();
    await expect(year).toHaveText('2025');
    expect(await dateLine(app)).toBe('date: 2025-07-18T11:20:04+08:00');
  });
});

test.describe('Chinese UI', () => {
  test.use({ bylineOptions: { fixtures: ['schema-workspace'], locale: 'zh-CN' }, locale: 'zh-CN' });

  test('年月日 with a 24-hour clock; the year typed digit by digit never reaches the file', async ({
    app,
    byline,
  }) => {
    const file = path.join(byline.workspace, sample);
    const before = readFileSync(file, 'utf8');
    await openArticle(app);
    const segments = dateField(app).getByTestId('date-segments');
    await expect(segments).toHaveText('2025年06月18日 11:20:04');
    await expect(segments).not.toContainText(/AM|PM/);
    await expect(dateField(app).getByRole('textbox', { name: /时区偏移/ })).toHaveValue('+08:00');

    await typeYear(app, '年', '2026');
    await expect.poll(() => dateLine(app)).toBe('date: 2026-06-18T11:20:04+08:00');
    await expect(segments).toHaveText('2026年06月18日 11:20:04');
    // Hour typed as 1, 5: 15 o'clock.
    await dateField(app).getByRole('spinbutton', { name: '时' }).focus();
    await app.keyboard.press('1');
    await app.keyboard.press('5');
    await expect.poll(() => dateLine(app)).toBe('date: 2026-06-18T15:20:04+08:00');

    const saved = await saveAndRead(app, file);
    expect(saved).toBe(before.replace(original, 'date: 2026-06-18T15:20:04+08:00'));
    await app.keyboard.press('Control+z');
    await expect.poll(() => dateLine(app)).toBe('date: 2026-06-18T11:20:04+08:00');
    await app.keyboard.press('Control+z');
    await expect.poll(() => dateLine(app)).toBe(original);
  });
});
