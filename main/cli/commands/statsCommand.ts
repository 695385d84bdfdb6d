import { splitArticle } from '../../../shared/article';
import { computeWriterStats } from '../../../shared/stats/writerStats';
import type { CliCommand } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { collectArticleFiles, readArticleText } from '../readArticleText';

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'byline stats <file> [--json]',
  summary: 'Word count (CJK characters + Latin words), characters, paragraphs and reading time.',
  async run(args, io) {
    const targets = args.filter((a) => !a.startsWith('--'));
    if (targets.length !== 1 || targets[0] === undefined)
      throw new UsageError('stats takes one file');
    const files = await collectArticleFiles(targets[0]);
    if (files.length !== 1 || files[0] === undefined)
      throw new UsageError('stats takes one file, not a folder');
    const stats = computeWriterStats(splitArticle(await readArticleText(files[0])).body);
    if (args.includes('--json')) {
      io.out(JSON.stringify(stats, null, 2));
      return 0;
    }
    io.out(`words (字数)         ${stats.words}`);
    io.out(`  CJK characters    ${stats.cjkChars}`);
    io.out(`  Latin words       ${stats.latinWords}`);
    io.out(
      `characters          ${stats.charsWithSpaces} (${stats.charsWithoutSpaces} without spaces)`,
    );
    io.out(`paragraphs          ${stats.paragraphs}`);
    io.out(`reading time        ${stats.readingMinutes} min`);
    return 0;
  },
};
