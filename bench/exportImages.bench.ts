// Export of a 25 KB article carrying about 10 MB of images, as a writer or a CI job runs it: the
// command line as a whole process (wall and CPU time, max RSS from /usr/bin/time) for HTML, WeChat
// and Word, against pandoc (Debian's, `--self-contained` so it embeds the images too) on the same
// article in the same run; and, when BYLINE_BENCH_BEFORE_CLI names the CLI built from an earlier
// commit, that CLI on the same article ("before"). PDF as a batch does it: one service and one
// Chromium, the first export (which starts the browser) apart from the ones after it. Then the
// sanitizer alone on a 100 KB article: DOMPurify on jsdom against the fast path, with raw HTML
// off and on (the measured choice).
// `npm run bench exportImages`; figures go to bench/results/exportImages.json.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { renderForExport } from '../shared/export/exportMarkdown';
import { ExportService } from '../main/export/exportService';
import { hugoDefaultProfile } from '../shared/markdown/renderProfile';
import { createNodeSanitizer, createRenderedHtmlSanitizer } from '../main/markdown/nodeSanitizer';
import { buildCli } from './support/buildCli';
import { processTreeCpuMs } from './support/processTreeCpu';
import { timeProcess, type ProcessTiming } from './support/timeProcess';

const runs = Number(process.env.BYLINE_BENCH_RUNS ?? 3);
const before = process.env.BYLINE_BENCH_BEFORE_CLI;
const loadBefore = os.loadavg();
const base = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-export-images-'));
const root = path.join(base, 'site');
cpSync('tests/fixtures/export/sample', root, { recursive: true });
const round = (n: number): number => Math.round(n * 10) / 10;

/** A photo-like PNG: noise compresses as badly as a photo does. */
async function noisyPng(width: number, height: number, seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

try {
  // The sample's body to 25 KB, with four 1,700-pixel-wide photos (about 2.6 MB each) in it.
  const sample = readFileSync(path.join(root, 'article.md'), 'utf8');
  const notesAt = sample.indexOf('## References');
  const head = sample.slice(0, notesAt);
  const bodyStart = head.indexOf('\n---\n', 4) + 5;
  let article = head.slice(0, bodyStart);
  let imageBytes = 0;
  for (let part = 1; Buffer.byteLength(article) < 25_000 - 2_000; part++) {
    article += head.slice(bodyStart).replace(/^### (.+)$/gm, `### $1（${part}）`);
    if (part <= 4) {
      const png = await noisyPng(1700, 520, part);
      imageBytes += png.length;
      writeFileSync(path.join(root, 'images', `photo-${part}.png`), png);
      article += `\n![照片 ${part}](images/photo-${part}.png)\n\n`;
    }
  }
  article += sample.slice(notesAt);
  const file = path.join(root, 'photos.md');
  writeFileSync(file, article);

  const cli = buildCli();
  const node = process.execPath;
  const out = path.join(base, 'out');
  const cases: Record<string, ProcessTiming & { outputMb?: number }> = {};
  const outputMb = (name: string): number =>
    Math.round(readFileSync(path.join(out, name)).length / 10485.76) / 100;
  for (const format of ['html', 'wechat', 'docx'] as const) {
    cases[`byline ${format}`] = {
      ...timeProcess(node, [cli, 'export', file, '--format', format, '--out', out], runs),
      outputMb: outputMb(format === 'wechat' ? 'photos.wechat.html' : `photos.${format}`),
    };
    if (before) {
      cases[`before ${format}`] = timeProcess(
        node,
        [before, 'export', file, '--format', format, '--out', path.join(base, 'before')],
        runs,
      );
    }
  }
  // pandoc resolves images relative to the working folder.
  cases['pandoc html'] = {
    ...timeProcess(
      'pandoc',
      [
        '-s',
        '--self-contained',
        '--metadata',
        'pagetitle=bench',
        file,
        '-o',
        path.join(out, 'pandoc.html'),
      ],
      runs,
      { cwd: root },
    ),
    outputMb: outputMb('pandoc.html'),
  };
  cases['pandoc docx'] = {
    ...timeProcess('pandoc', [file, '-o', path.join(out, 'pandoc.docx')], runs, { cwd: root }),
    outputMb: outputMb('pandoc.docx'),
  };
  // PDF as one batch: the first article starts Chromium, the ones after it reuse it.
  // CPU too (this process and Chromium's), which the machine's load changes far less than wall.
  const pdfMs: number[] = [];
  const pdfCpuMs: number[] = [];
  let lastAt = performance.now();
  let lastCpu = processTreeCpuMs();
  const pdfResults = await new ExportService().run({
    files: Array.from({ length: runs + 1 }, () => ({ file, display: 'photos.md' })),
    formats: ['pdf'],
    outputDir: path.join(base, 'pdf'),
    root,
    onProgress: () => {
      const now = performance.now();
      pdfMs.push(now - lastAt);
      lastAt = now;
      const cpu = processTreeCpuMs();
      if (cpu !== null && lastCpu !== null) pdfCpuMs.push(cpu - lastCpu);
      lastCpu = cpu;
    },
  });
  // A failed export (Chromium timing out on a loaded machine) is recorded, not fatal.
  const pdfFailures = pdfResults.filter((r) => !r.ok).map((r) => r.error);
  const pdfLater = pdfMs.slice(1).sort((a, b) => a - b);
  const pdfLaterCpu = pdfCpuMs.slice(1).sort((a, b) => a - b);
  const pdf = {
    firstMs: round(pdfMs[0] as number),
    laterMedianMs: round(pdfLater[Math.floor(pdfLater.length / 2)] as number),
    laterMs: pdfMs.slice(1).map(round),
    laterMedianCpuMs:
      pdfLaterCpu.length > 0
        ? round(pdfLaterCpu[Math.floor(pdfLaterCpu.length / 2)] as number)
        : null,
    failures: pdfFailures,
    note: 'one batch of the same article; the first export starts Chromium; CPU: this process and Chromium, user + system',
  };

  const ratio = (a: string, b: string): number | null =>
    cases[a] && cases[b] ? Math.round((cases[a].medianMs / cases[b].medianMs) * 100) / 100 : null;

  // The sanitizer alone, in process, on the 100 KB article the export bench uses.
  const big = readFileSync(path.join(root, 'article.md'), 'utf8');
  let text = '';
  while (Buffer.byteLength(text) < 100_000) text += `${big}\n\n`;
  const hostile = readFileSync('tests/fixtures/export/hostile/hostile.md', 'utf8');
  const rawOff = renderForExport(text, 'zh-CN').html;
  const rawOn = renderForExport(
    `${text}\n\n<b>加粗</b> <span class="note">注</span>\n\n${hostile}`,
    'zh-CN',
    {
      profile: { ...hugoDefaultProfile, unsafe: true },
    },
  ).html;
  const purify = createNodeSanitizer();
  const fast = createRenderedHtmlSanitizer();
  const timeIt = (work: () => void): number => {
    work(); // warm
    const times: number[] = [];
    for (let i = 0; i < Math.max(3, runs); i++) {
      const start = performance.now();
      work();
      times.push(performance.now() - start);
    }
    return round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number);
  };
  const sanitizer = {
    pageKb: { rawOff: Math.round(rawOff.length / 1024), rawOn: Math.round(rawOn.length / 1024) },
    rawOffMs: {
      domPurifyOnJsdom: timeIt(() => purify(rawOff)),
      fastPath: timeIt(() => fast(rawOff)),
    },
    rawOnMs: {
      domPurifyOnJsdom: timeIt(() => purify(rawOn)),
      fastPathThenDomPurify: timeIt(() => fast(rawOn)),
    },
  };

  const results = {
    article: {
      bytes: Buffer.byteLength(article),
      images: 4,
      imageMb: Math.round(imageBytes / 10485.76) / 100,
    },
    runs,
    cases,
    pdf,
    ratios: {
      htmlVsPandoc: ratio('byline html', 'pandoc html'),
      docxVsPandoc: ratio('byline docx', 'pandoc docx'),
      htmlVsBefore: ratio('byline html', 'before html'),
      wechatVsBefore: ratio('byline wechat', 'before wechat'),
      docxVsBefore: ratio('byline docx', 'before docx'),
    },
    sanitizer,
    targets: {
      html: '≤ 2 s and ≤ 300 MB peak RSS (25 KB article, 10 MB of images)',
      pdf: '≤ 4 s after the first in a batch',
    },
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
  };
  console.log(
    `article ${(results.article.bytes / 1024).toFixed(1)} KB, images ${results.article.imageMb} MB, ${runs} runs, load ${loadBefore.map(round).join(' ')}`,
  );
  console.table(cases);
  console.table(pdf);
  console.table(results.ratios);
  console.table(sanitizer);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/exportImages.json', JSON.stringify(results, null, 2) + '\n');
} finally {
  rmSync(base, { recursive: true, force: true });
}
