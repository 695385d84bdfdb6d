import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * First run: create `<Documents>/Byline` with a welcome article so the app opens onto something
 * real. Existing files are never touched: the welcome article is only written if absent.
 */
export async function ensureDefaultWorkspace(
  documentsDir: string,
  assetsDir: string,
): Promise<string> {
  const root = path.join(documentsDir, 'Byline');
  await fs.mkdir(root, { recursive: true });
  const entries = await fs.readdir(root);
  if (entries.some((name) => /\.(md|markdown)$/i.test(name))) return root;
  const welcome = await fs.readFile(path.join(assetsDir, 'welcome', 'welcome.md'));
  await fs
    .writeFile(path.join(root, 'welcome.md'), welcome, { flag: 'wx' })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  return root;
}
