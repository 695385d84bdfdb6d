import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';

test.use({ bylineOptions: { fixtures: ['articles-e2e', 'encodings'] } });

test('a short Big5 file asks how to read it (謝謝 or 谅谅), opens as chosen and saves back in Big5', async ({
  app,
  byline,
}) => {
  await app.locator('.library-item[data-path="big5-short.md"]').click();
  const dialog = app.getByTestId('encoding-dialog');
  await expect(dialog).toContainText('謝謝');
  await expect(dialog).toContainText('谅谅');
  await dialog.getByRole('button', { name: 'Open as Big5' }).click();
  await expect(dialog).toHaveCount(0);
  const editor = app.locator('.cm-content');
  await expect(editor).toContainText('謝謝');
  await expect(app.getByTestId('status-format')).toContainText('BIG5');
  await editor.click();
  await app.keyboard.press('Control+End');
  await app.keyboard.insertText('你');
  await app.keyboard.press('Control+s');
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  const bytes = readFileSync(path.join(byline.workspace, 'big5-short.md'));
  expect(bytes.toString('hex')).toBe('c1c2c1c20aa741');
});
