import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createCheckContext, runArticleRules } from '../../../shared/check';
import type { Finding } from '../../../shared/check';
import { computeWriterStats } from '../../../shared/stats/writerStats';
import type { WriterStats } from '../../../shared/stats/writerStats';
import type { CliCommand } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { collectArticleFiles, readArticleText } from '../readArticleText';
import { loadCheckFacts } from '../../schema/checkFacts';
import { findSiteRoot } from '../../site/siteRoot';
import { readRenderProfile } from '../../site/siteConfig';
import { BudgetMeter, WorkBudgetExceeded } from '../../../shared/text/workMeter';

export interface CheckedFile {
  path: string;
  findings: Finding[];
  stats: WriterStats | null;
}

export interface CheckReport {
  files: CheckedFile[];
  summary: { files: number; errors: number; warnings: number };
}

export interface CheckOptions {
  /** Time one article may take (parse, rules, statistics) before it is reported and skipped. */
  fileTimeLimitMs?: number;
  /** The clock the limit is measured with (tests pass their own). */
  now?: () => number;
}

export const DEFAULT_FILE_TIME_LIMIT_MS = 10_000;

const fileFinding = (rule: string, message: string): Finding => ({
  rule,
  severity: 'error',
  message,
  line: 0,
  column: 0,
});

/**
 * Checks every article below `target`. Each file is reported on its own: an unreadable file, an
 * article over the time limit or one a rule fails on becomes a finding, and the run goes on.
 */
export async function checkPath(target: string, options: CheckOptions = {}): Promise<CheckReport> {
  const limitMs = options.fileTimeLimitMs ?? DEFAULT_FILE_TIME_LIMIT_MS;
  // process.hrtime rather than performance.now: the first use of `performance` loads perf_hooks.
  const now = options.now ?? (() => Number(process.hrtime.bigint()) / 1e6);
  const absolute = path.resolve(target);
  const files = await collectArticleFiles(absolute);
  const base = (await fs.stat(absolute)).isDirectory() ? absolute : path.dirname(absolute);
  // The workspace's front-matter schema (.byline/schema.yml here or in an ancestor) for the publish checklist.
  const schemaFacts = await loadCheckFacts(absolute);
  // The Hugo site the articles belong to decides what Markdown means (its CJK extension…).
  const profile = await readRenderProfile(await findSiteRoot(base, base));
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const display = path.relative(base, file).split(path.sep).join('/');
    let text: string;
    try {
      text = await readArticleText(file);
    } catch (error) {
      checked.push({
        path: display,
        findings: [fileFinding('file/unreadable', (error as Error).message)],
        stats: null,
      });
      continue;
    }
    const meter = new BudgetMeter(now, limitMs);
    try {
      const context = createCheckContext(
        display,
        text,
        {
          fileExists: (relative) =>
            schemaFacts.pathExists(path.resolve(path.dirname(file), relative)) ||
            schemaFacts.imageExists(file, relative),
          schema: schemaFacts.schema,
          profile,
        },
        meter,
      );
      const findings = runArticleRules(context);
      const stats = computeWriterStats(context.article.parts.body, { meter });
      meter.check();
      checked.push({ path: display, findings, stats });
    } catch (error) {
      const finding =
        error instanceof WorkBudgetExceeded
          ? fileFinding('file/too-slow', `Checking this article ${error.message}; skipped.`)
          : fileFinding('file/check-failed', `Could not check this article: ${String(error)}`);
      checked.push({ path: display, findings: [finding], stats: null });
    }
  }
  const all = checked.flatMap((f) => f.findings);
  return {
    files: checked,
    summary: {
      files: checked.length,
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
    },
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'byline check <file|dir> [--json] [--time-limit <seconds>]',
  summary: 'Report front matter errors, footnote problems and statistics per article.',
  async run(args, io) {
    const limitAt = args.indexOf('--time-limit');
    const limitSeconds = limitAt === -1 ? undefined : Number(args[limitAt + 1]);
    if (limitSeconds !== undefined && !(limitSeconds > 0))
      throw new UsageError('--time-limit takes a number of seconds');
    const targets = args.filter(
      (a, i) => !a.startsWith('--') && (limitAt === -1 || i !== limitAt + 1),
    );
    if (targets.length !== 1 || targets[0] === undefined)
      throw new UsageError('check takes one file or folder');
    const report = await checkPath(targets[0], {
      fileTimeLimitMs: limitSeconds === undefined ? undefined : limitSeconds * 1000,
    });
    if (args.includes('--json')) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      for (const file of report.files) {
        const stats = file.stats
          ? `${file.stats.words} words, ${file.stats.readingMinutes} min read`
          : 'not counted';
        io.out(`${file.path}  (${stats})`);
        if (file.findings.length === 0) io.out('  ok');
        for (const f of file.findings) {
          const where = f.line > 0 ? `${f.line}:${f.column}` : '-';
          io.out(`  ${where.padEnd(7)} ${f.severity.padEnd(7)} ${f.message}  [${f.rule}]`);
        }
      }
      const { files, errors, warnings } = report.summary;
      io.out(
        `\n${plural(files, 'article')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
      );
    }
    return report.summary.errors > 0 ? 1 : 0;
  },
};
