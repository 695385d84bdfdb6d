/**
 * Child process for the SIGKILL fault test (atomicSave.fault.test.ts): saves one article through
 * ArticleFiles in a tight loop, alternating two versions, until it is killed. Prints "saved" after
 * each completed save, so the parent picks its kill by progress (events), not by a delay that a
 * loaded machine stretches.
 */
import { ArticleFiles } from '../articleFiles';
import { saveLoopVersions } from './saveLoopVersions';

const [root, relativePath] = process.argv.slice(2) as [string, string];
const articles = new ArticleFiles(() => root);
const versions = saveLoopVersions();

const run = async (): Promise<void> => {
  let opened = await articles.open(relativePath);
  let stamp = opened.stamp;
  for (let i = 0; ; i++) {
    const text = versions[i % 2] as string;
    const saving = articles.save({
      path: relativePath,
      text,
      format: opened.format,
      baseStamp: stamp,
      overwrite: false,
    });
    const result = await saving;
    if (result.status !== 'saved') {
      // Another writer? Reload and keep going; the parent only checks what is on disk.
      opened = await articles.open(relativePath);
      stamp = opened.stamp;
      continue;
    }
    stamp = result.stamp;
    process.stdout.write('saved\n');
  }
};
void run();
