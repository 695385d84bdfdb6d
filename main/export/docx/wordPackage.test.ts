import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportService, type ExportFileResult } from '../exportService';
import { isCompressedMedia } from './wordPackage';

// Every construct the Word writer knows, with text XML cannot carry (C0 controls), exported and
// read back by tools we did not write: Python's XML parser and pandoc.
const article = `---
title: Features & <Tests> "quoted"
lang: en-GB
author: [Ann Lee, Bo Chen]
date: 2025-01-02
summary: A lead with & and 1 < 2 > 0.
tags: [a, b]
---

Intro with **bold**, *italic*, ~~strike~~, \`code  x\`, a [link\u0002](https://example.com/?a=1&b=2) and **[bold link](http://x.org)**.
Soft break here.\\
Control chars: a\u0001b\u000bc. Citation one.[^n1] Again.[^n1] Second.[^n2]

# H1 heading
### H3 *em* heading

> Quote lead paragraph.

- bullet one
  - nested a
- [x] task done

1. first
   1. inner one
2. second

Glossary term *one*
: Its definition.

Another list:

1. restart one

\`\`\`js
const a = 1 < 2;
\`\`\`

---

| Left | Center | Right |
|:-----|:------:|------:|
| a    | **b**  | f[^n2] |

![Alt & <text>\u0001 here](images/chart.png "Title")

<div>raw html [^n3]</div>

<!-- private comment never published -->

[^n1]: Note one with [link](https://n1.example) and ![note picture](images/chart.png).
[^n2]: Note two *em*.
[^n3]: Note three uncited.
`;

let folder: string;
let docx: string;
let result: ExportFileResult;
let parts: Map<string, string>;
let markdown: string;

const part = (name: string): string => parts.get(name) ?? '';
/** The targets of a relationships part, by id. */
const relationshipTargets = (rels: string): Map<string, string> =>
  new Map(
    [...rels.matchAll(/<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"/g)].map((m) => [
      m[1] ?? '',
      m[2] ?? '',
    ]),
  );
const referencedIds = (xml: string): string[] =>
  [...xml.matchAll(/r:(?:id|embed)="([^"]+)"/g)].map((m) => m[1] ?? '');

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'byline-word-package-'));
  mkdirSync(path.join(folder, 'images'));
  copyFileSync(
    path.resolve('tests/fixtures/export/sample/images/default (3).png'),
    path.join(folder, 'images', 'chart.png'),
  );
  const file = path.join(folder, 'features.md');
  writeFileSync(file, article);
  [result] = (await new ExportService().run({
    files: [{ file, display: 'features.md' }],
    formats: ['docx'],
    outputDir: path.join(folder, 'out'),
    root: folder,
  })) as [ExportFileResult];
  docx = path.join(folder, 'out', 'features.docx');
  const zip = await JSZip.loadAsync(readFileSync(docx));
  parts = new Map();
  for (const entry of Object.values(zip.files))
    if (!entry.dir && !entry.name.startsWith('word/media/'))
      parts.set(entry.name, await entry.async('string'));
  markdown = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', docx], {
    encoding: 'utf8',
  });
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a Word file written from the tokens', () => {
  it('has only well-formed XML parts, as Python’s parser reads them', () => {
    const xmlFolder = path.join(folder, 'parts');
    const files = [...parts].map(([name, xml], index) => {
      const target = path.join(xmlFolder, `${index}-${path.basename(name)}`);
      mkdirSync(xmlFolder, { recursive: true });
      writeFileSync(target, xml);
      return target;
    });
    expect(files.length).toBeGreaterThanOrEqual(15);
    const parsed = execFileSync(
      'python3',
      [
        '-c',
        'import sys, xml.dom.minidom as m\nfor f in sys.argv[1:]: m.parse(f)\nprint(len(sys.argv) - 1)',
        ...files,
      ],
      { encoding: 'utf8' },
    );
    expect(Number(parsed)).toBe(files.length);
  });

  it('resolves every relationship it uses in the part that uses it', async () => {
    const zip = await JSZip.loadAsync(readFileSync(docx));
    for (const [xmlPart, relsPart] of [
      ['word/document.xml', 'word/_rels/document.xml.rels'],
      ['word/footnotes.xml', 'word/_rels/footnotes.xml.rels'],
    ] as const) {
      const targets = relationshipTargets(part(relsPart));
      const ids = referencedIds(part(xmlPart));
      expect(ids.length, xmlPart).toBeGreaterThan(0);
      for (const id of ids) {
        const target = targets.get(id);
        expect(target, `${xmlPart} ${id}`).toBeDefined();
        if (target && !/^https?:/.test(target))
          expect(zip.file(`word/${target}`), target).not.toBeNull();
      }
    }
    // One picture stored once, shown in the text and in a note.
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toEqual([
      'word/media/image1.png',
    ]);
    expect([...relationshipTargets(part('word/_rels/footnotes.xml.rels')).values()]).toEqual([
      'https://n1.example',
      'media/image1.png',
    ]);
  });

  it('numbers each ordered list on its own and every list from a defined instance', () => {
    const used = [...part('word/document.xml').matchAll(/<w:numId w:val="(\d+)"\/>/g)].map(
      (m) => m[1],
    );
    const defined = [...part('word/numbering.xml').matchAll(/<w:num w:numId="(\d+)">/g)].map(
      (m) => m[1],
    );
    for (const numId of used) expect(defined).toContain(numId);
    // Bullets share one instance; "first", "inner one" and "restart one" each start at 1.
    expect(new Set(used).size).toBe(4);
    expect(markdown).toContain('1.  restart one');
  });

  it('reads back in pandoc with its text, structure, notes and citations', () => {
    for (const expected of [
      'Intro with **bold**, *italic*, ~~strike~~, code x, a [link](https://example.com/?a=1&b=2) and [**bold link**](http://x.org).',
      'Control chars: abc. Citation one.[^1] Again.^1^ Second.[^2]',
      '# H1 heading',
      '### H3 *em* heading',
      '> Quote lead paragraph.',
      '    -   nested a',
      '-   ☑ task done',
      '    1.  inner one',
      '**Glossary term *one***\n\n> Its definition.',
      'const a = 1 \\< 2;',
      '![Alt & \\<text\\> here](media/image1.png "Alt & <text> here")',
      '## Sources',
      'Note three uncited.',
      '[^1]: Note one with [link](https://n1.example) and ![note picture](media/image1.png',
      '[^2]: Note two *em*.',
    ])
      expect(markdown).toContain(expected);
    expect(markdown).toMatch(/\*\*Left\*\* +\*\*Center\*\* +\*\*Right\*\*/);
    expect(markdown).not.toContain('private comment');
    expect(markdown).not.toContain('raw html');
    expect(result.warnings).toEqual([
      'Footnote [^n3] is never cited: listed at the end without a number.',
    ]);
  });

  it('writes a definition list as a bold term kept with its indented definition', () => {
    expect(part('word/document.xml')).toMatch(
      /<w:pPr><w:keepNext\/><\/w:pPr><w:r><w:rPr><w:b\/>.*?Glossary term .*?<w:ind w:left="720"\/>.*?Its definition\./,
    );
  });

  it('keeps the edge spaces of runs and carries the article language and properties', () => {
    expect(part('word/document.xml')).toContain('<w:t xml:space="preserve">Intro with </w:t>');
    expect(part('word/document.xml')).toContain('<w:t xml:space="preserve"> Again.</w:t>');
    expect(part('word/styles.xml')).toContain('<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>');
    const core = part('docProps/core.xml');
    expect(core).toContain('<dc:title>Features &amp; &lt;Tests&gt; "quoted"</dc:title>');
    expect(core).toContain('<dc:creator>Ann Lee, Bo Chen</dc:creator>');
    expect(core).toContain('<dc:subject>A lead with &amp; and 1 &lt; 2 &gt; 0.</dc:subject>');
    expect(core).toContain('<cp:keywords>a, b</cp:keywords>');
  });
});

describe('isCompressedMedia', () => {
  it('names the pictures stored as they are: PNG, JPEG and GIF media, nothing else', () => {
    expect(isCompressedMedia('word/media/image1.png')).toBe(true);
    expect(isCompressedMedia('word/media/photo.JPEG')).toBe(true);
    expect(isCompressedMedia('word/media/scan.bmp')).toBe(false);
    expect(isCompressedMedia('word/document.xml')).toBe(false);
  });
});
