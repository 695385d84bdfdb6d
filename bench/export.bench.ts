// Export time per format for a 100 KB article shaped like the sample (Chinese body, footnotes,
// a list, a table, an image, outside links). `npm run bench export`; figures also go to
// bench/results/export.json. PDF includes printing in headless Chromium (browser start is
// measured apart: a batch pays it once). Then the command line as a whole process against pandoc
// (Debian's) on the same article, text only, in the same run, for HTML and Word: Byline/pandoc
// time ratios.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportFormats, type ExportFormatName } from '../shared/export/exportOptions';
import { ExportService } from '../main/export/exportService';
import { createChromiumPdfPrinter } from '../main/export/chromiumPdfPrinter';
import { benchCodeCache, buildCli } from './support/buildCli';
import { timeProcess, type ProcessTiming } from './support/timeProcess';

const base = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-export-'));
const root = path.join(base, 'site');
cpSync('tests/fixtures/export/sample', root, { recursive: true });

// Grow the sample's body to 100 KB: repeat its sections, keep the front matter and notes once.
const sample = readFileSync(path.join(root, 'article.md'), 'utf8');
const notesAt = sample.indexOf('## References');
const head = sample.slice(0, notesAt);
const bodyStart = head.indexOf('\n---\n', 4) + 5;
const frontMatter = head.slice(0, bodyStart);
const body = head.slice(bodyStart);
let article = frontMatter;
for (let part = 1; Buffer.byteLength(article) < 100_000 - 2_000; part++)
  article += body.replace(/^### (.+)$/gm, `### $1（${part}）`);
article += sample.slice(notesAt);
const file = path.join(root, 'big.md');
writeFileSync(file, article);
const bytes = Buffer.byteLength(article);
// Against pandoc the article is text only, as the target names it: pandoc run from here finds no
// image beside the article and leaves it out, so an image would time different work.
const textOnly = article.replace(/^featured_image:.*\n/m, '').replace(/^!\[[^\n]*\n/gm, '');
const textOnlyFile = path.join(root, 'big-text.md');
writeFileSync(textOnlyFile, textOnly);

const round = (n: number): number => Math.round(n * 10) / 10;
const loadBefore = os.loadavg();
const printer = createChromiumPdfPrinter();
const service = new ExportService({ pdfPrinter: printer });
const runs = Number(process.env.BYLINE_BENCH_RUNS ?? 7);

async function timeFormat(
  format: ExportFormatName,
): Promise<{ minMs: number; medianMs: number; outputBytes: number }> {
  const timings: number[] = [];
  let outputBytes = 0;
  for (let i = 0; i <= runs; i++) {
    const out = path.join(base, `out-${format}-${i}`);
    const start = performance.now();
    const [result] = await service.run({
      files: [{ file, display: 'big.md' }],
      formats: [format],
      outputDir: out,
      root,
    });
    const ms = performance.now() - start;
    if (!result?.ok) throw new Error(`${format}: ${result?.error ?? 'failed'}`);
    outputBytes = readFileSync(result.outputs[0] as string).length;
    if (i > 0) timings.push(ms); // the first run warms caches (themes, sanitizer, JIT)
  }
  timings.sort((a, b) => a - b);
  return {
    minMs: round(timings[0] ?? 0),
    medianMs: round(timings[Math.floor(timings.length / 2)] ?? 0),
    outputBytes,
  };
}

try {
  const startAt = performance.now();
  await printer.print({
    html: '<!DOCTYPE html><p>warm up</p>',
    folder: null,
    pageSize: 'A4',
    marginMm: 20,
    headerTemplate: null,
    footerTemplate: null,
  });
  const browserStartMs = round(performance.now() - startAt);

  const perFormat: Record<string, { minMs: number; medianMs: number; outputBytes: number }> = {};
  for (const format of exportFormats) perFormat[format] = await timeFormat(format);

  // Whole processes, as a writer or a CI job runs them: `byline export` against pandoc.
  const cli = buildCli();
  const node = process.execPath;
  // The command keeps V8's compiled code between runs: warm runs are the usual case, cold runs
  // (empty cache) the first after an install.
  const cache = benchCodeCache(base);
  const vsPandoc: Record<
    string,
    {
      byline: ProcessTiming;
      bylineCold: ProcessTiming;
      pandoc: ProcessTiming;
      ratio: number;
      coldRatio: number;
      cpuRatio: number | null;
    }
  > = {};
  for (const [format, pandocArgs] of [
    ['html', ['-s', '-f', 'markdown', '-t', 'html', '--metadata', 'pagetitle=bench']],
    ['docx', ['-f', 'markdown', '-t', 'docx']],
  ] as const) {
    const out = path.join(base, `cli-${format}`);
    const args = [cli, 'export', textOnlyFile, '--format', format, '--out', out];
    const bylineCold = timeProcess(node, args, runs, cache.cold);
    const byline = timeProcess(node, args, runs, { env: cache.env });
    const pandoc = timeProcess(
      'pandoc',
      [...pandocArgs, textOnlyFile, '-o', path.join(base, `pandoc.${format}`)],
      runs,
    );
    vsPandoc[format] = {
      byline,
      bylineCold,
      pandoc,
      ratio: Math.round((byline.medianMs / pandoc.medianMs) * 100) / 100,
      coldRatio: Math.round((bylineCold.medianMs / pandoc.medianMs) * 100) / 100,
      cpuRatio:
        byline.medianCpuMs !== null && pandoc.medianCpuMs
          ? Math.round((byline.medianCpuMs / pandoc.medianCpuMs) * 100) / 100
          : null,
    };
  }

  const results = {
    articleBytes: bytes,
    textOnlyArticleBytes: Buffer.byteLength(textOnly),
    runs,
    browserStartMs,
    perFormat,
    cliVsPandoc: {
      anchor:
        'pandoc (Debian package) on the same article without its images (text only), same run; whole processes',
      target: 'Byline/pandoc ≤ 1.0 for html and docx',
      note: 'byline: node bin/byline.mjs with its code cache warm (bylineCold: emptied before each run); ratio: median wall times (coldRatio: cold); cpuRatio: median CPU times (user + system), which load changes less',
      ...vsPandoc,
    },
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
    target:
      'each format well under 2 s for a 100 KB article (PDF under 5 s with the browser already started)',
  };
  console.log(
    `article: ${(bytes / 1024).toFixed(1)} KB, ${runs} runs per format, Chromium start ${browserStartMs} ms`,
  );
  console.table(perFormat);
  console.table(
    Object.fromEntries(
      Object.entries(vsPandoc).map(([format, v]) => [
        format,
        {
          bylineMedianMs: v.byline.medianMs,
          bylineCpuMs: v.byline.medianCpuMs,
          bylineMaxRssMb: v.byline.maxRssMb,
          bylineColdMs: v.bylineCold.medianMs,
          pandocMedianMs: v.pandoc.medianMs,
          pandocCpuMs: v.pandoc.medianCpuMs,
          pandocMaxRssMb: v.pandoc.maxRssMb,
          ratio: v.ratio,
          coldRatio: v.coldRatio,
          cpuRatio: v.cpuRatio,
        },
      ]),
    ),
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/export.json', JSON.stringify(results, null, 2) + '\n');
} finally {
  await printer.close();
  rmSync(base, { recursive: true, force: true });
}
