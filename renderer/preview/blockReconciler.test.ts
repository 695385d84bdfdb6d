// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../../shared/markdown/sanitize';
import { BlockReconciler, chunkTarget } from './blockReconciler';
import { hugoDefaultProfile } from '../../shared/markdown/renderProfile';
import type { PreviewRequest } from './previewModel';
import { PreviewRenderer, renderPreview, shiftDataLines } from './previewModel';

const sanitize = createSanitizer(DOMPurify);
const request = (text: string): PreviewRequest => ({
  baseId: null,
  version: 1,
  text,
  articlePath: 'a.md',
  assets: { prefix: '/asset/', suffix: '' },
  profile: hugoDefaultProfile,
});

function setup(): {
  container: HTMLElement;
  reconciler: BlockReconciler;
  render(text: string): ReturnType<BlockReconciler['apply']>;
} {
  const container = document.createElement('article');
  const reconciler = new BlockReconciler(container, sanitize);
  return {
    container,
    reconciler,
    render: (text) => {
      const result = renderPreview(request(text));
      return reconciler.apply(result.header, result.blocks);
    },
  };
}

/** What a full re-render would show. */
function fullRender(text: string): string {
  const result = renderPreview(request(text));
  const element = document.createElement('article');
  element.innerHTML = sanitize(
    result.header + result.blocks.map((b) => shiftDataLines(b.html, b.line)).join(''),
  );
  return element.innerHTML.replace(/>\s+</g, '><').trim();
}

/**
 * The preview's content without its chunk wrappers (what a full render shows), after checking the
 * chunks: every block is in one, none is empty, and only a paragraph starts a chunk other than
 * the first (so margins at chunk edges look as in the published article).
 */
function normalized(element: HTMLElement): string {
  const chunks = [...element.children].filter((child) => child.classList.contains('preview-chunk'));
  for (const [index, chunk] of chunks.entries()) {
    expect(chunk.childElementCount).toBeGreaterThan(0);
    expect(chunk.classList.contains('preview-chunk-first')).toBe(index === 0);
    if (index > 0) expect(chunk.firstElementChild?.tagName).toBe('P');
  }
  const copy = element.cloneNode(true) as HTMLElement;
  for (const chunk of copy.querySelectorAll(':scope > .preview-chunk'))
    chunk.replaceWith(...chunk.childNodes);
  return copy.innerHTML.replace(/>\s+</g, '><').trim();
}

const chunkSizes = (element: HTMLElement): number[] =>
  [...element.querySelectorAll(':scope > .preview-chunk')].map((chunk) => chunk.childElementCount);

const doc =
  '---\ntitle: 标题\n---\n\n第一段[^1]。\n\n## 小标题\n\n第二段\n\n- 列表\n- 项目\n\n[^1]: 来源\n';

describe('block reconciler', () => {
  it('first render creates every block and equals a full render', () => {
    const { container, render } = setup();
    const stats = render(doc);
    expect(stats.created).toBeGreaterThan(3);
    expect(normalized(container)).toBe(fullRender(doc));
  });

  it('typing in one paragraph morphs only that block, keeping the other elements', () => {
    const { container, render } = setup();
    render(doc);
    const heading = container.querySelector('h2');
    const list = container.querySelector('ul');
    const paragraph = container.querySelector('p[data-line="6"]');
    const next = doc.replace('第二段', '第二段，补充一句');
    const stats = render(next);
    expect(stats).toMatchObject({ morphed: 1, created: 0, removed: 0, shifted: 0 });
    expect(container.querySelector('h2')).toBe(heading);
    expect(container.querySelector('ul')).toBe(list);
    expect(container.querySelector('p[data-line="6"]')).toBe(paragraph);
    expect(normalized(container)).toBe(fullRender(next));
  });

  it('inserting lines above shifts data-line of the blocks below without re-creating them', () => {
    const { container, render } = setup();
    render(doc);
    const list = container.querySelector('ul');
    const next = doc.replace('## 小标题', '新增一段\n\n## 小标题');
    const stats = render(next);
    expect(stats.created).toBe(1);
    expect(stats.shifted).toBeGreaterThan(0);
    expect(container.querySelector('ul')).toBe(list);
    expect(list?.getAttribute('data-line')).toBe('12');
    expect(normalized(container)).toBe(fullRender(next));
  });

  it('deleting and reordering blocks ends with the same DOM as a full render', () => {
    const { container, render } = setup();
    render(doc);
    const next = '## 小标题\n\n第一段[^1]。\n\n[^1]: 来源\n';
    render(next);
    expect(normalized(container)).toBe(fullRender(next));
  });

  it('groups a long article into chunks that start at paragraphs', () => {
    const { container, render } = setup();
    const parts = ['---\ntitle: 长文\n---'];
    for (let i = 0; i < 300; i++) parts.push(i % 7 === 0 ? `## 第${i}节` : `第${i}段。`);
    const text = parts.join('\n\n') + '\n';
    render(text);
    const sizes = chunkSizes(container);
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(2 * chunkTarget);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(300);
    expect(container.firstElementChild?.tagName).toBe('HEADER');
    expect(normalized(container)).toBe(fullRender(text));
  });

  it('chunks split as a writer adds paragraphs and merge as they delete them, keeping blocks in place', () => {
    const { container, render } = setup();
    const paragraphs = Array.from({ length: 80 }, (_, i) => `第${i}段。`);
    const text = (list: string[]): string => list.join('\n\n') + '\n';
    render(text(paragraphs));
    const before = chunkSizes(container).length;
    const kept = container.querySelector('p[data-line="0"]');
    // One paragraph at a time in the middle of the article, as typed.
    for (let i = 0; i < 100; i++) {
      paragraphs.splice(40, 0, `新增${i}。`);
      render(text(paragraphs));
    }
    expect(normalized(container)).toBe(fullRender(text(paragraphs)));
    expect(chunkSizes(container).length).toBeGreaterThan(before);
    for (const size of chunkSizes(container)) expect(size).toBeLessThanOrEqual(2 * chunkTarget);
    expect(container.querySelector('p[data-line="0"]')).toBe(kept);
    // Delete most of them again.
    while (paragraphs.length > 20) {
      paragraphs.splice(10, 5);
      render(text(paragraphs));
    }
    expect(normalized(container)).toBe(fullRender(text(paragraphs)));
    expect(chunkSizes(container)).toEqual([20]);
  });

  // Hundreds of full renders in jsdom: minutes on a loaded machine; the bound is for a hang only.
  it(
    'random inserts, deletions and moves always end as a full render, in valid chunks',
    { timeout: 300_000 },
    () => {
      const { container, render } = setup();
      let seed = 20261129;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const kinds = (i: number): string =>
        [
          `第${i}段。`,
          `## 节${i}`,
          `- 项${i}\n- 另一项`,
          `> 引用${i}`,
          '---',
          `段落 ${i} *强调*。`,
        ][random(6)] as string;
      const blocks = Array.from({ length: 150 }, (_, i) => kinds(i));
      for (let step = 0; step < 150; step++) {
        const op = random(3);
        const at = random(blocks.length + 1);
        if (op === 0)
          blocks.splice(at, 0, ...Array.from({ length: 1 + random(12) }, () => kinds(step)));
        else if (op === 1) blocks.splice(at, 1 + random(10));
        else if (blocks.length > 2) {
          const [moved] = blocks.splice(random(blocks.length), 1);
          blocks.splice(random(blocks.length + 1), 0, moved as string);
        }
        const text = blocks.join('\n\n') + '\n';
        render(text);
        expect(normalized(container)).toBe(fullRender(text));
      }
    },
  );

  it('anchors name the chunk of each block', () => {
    const { container, reconciler, render } = setup();
    render(Array.from({ length: 100 }, (_, i) => `第${i}段。`).join('\n\n') + '\n');
    const anchors = reconciler.anchors();
    expect(anchors).toHaveLength(100);
    for (const anchor of anchors) {
      expect(anchor.chunk?.parentElement).toBe(container);
      expect(anchor.element.parentElement).toBe(anchor.chunk);
    }
  });

  it('sanitizes what it inserts', () => {
    const { container, reconciler } = setup();
    reconciler.apply('', [
      { line: 0, html: '<p data-line="0">x<img src="x" onerror="alert(1)"></p>' },
    ]);
    expect(container.innerHTML).not.toContain('onerror');
  });
});

describe('delta results from the worker', () => {
  it('a keystroke sends one block of HTML and references the rest, and the page ends up right', () => {
    const container = document.createElement('article');
    const reconciler = new BlockReconciler(container, sanitize);
    const renderer = new PreviewRenderer();
    const first = renderer.render({ ...request(doc), baseId: null });
    reconciler.apply(first.header, first.blocks);
    expect(first.changed).toBe(first.blocks.length);

    const edited = doc.replace('第二段', '第二段，补充一句');
    const second = renderer.render({ ...request(edited), baseId: first.id });
    expect(second.changed).toBe(1);
    // On the wire: the blocks before, the edited one, the blocks after.
    expect(second.blocks).toEqual([
      { same: 0, count: 2, lineDelta: 0 },
      expect.objectContaining({ html: expect.stringContaining('补充一句') }),
      { same: 3, count: first.blocks.length - 3, lineDelta: 0 },
    ]);
    const stats = reconciler.apply(second.header, second.blocks);
    expect(stats.morphed).toBe(1);
    expect(normalized(container)).toBe(fullRender(edited));

    // Inserting lines above: the blocks below are references with new lines.
    const inserted = edited.replace('## 小标题', '新增一段\n\n## 小标题');
    const third = renderer.render({ ...request(inserted), baseId: second.id });
    expect(third.changed).toBe(1);
    expect(third.blocks.at(-1)).toMatchObject({ lineDelta: 2 });
    reconciler.apply(third.header, third.blocks);
    expect(normalized(container)).toBe(fullRender(inserted));
  });

  it('sends everything when the page is not on the previous result', () => {
    const renderer = new PreviewRenderer();
    const first = renderer.render({ ...request(doc), baseId: null });
    const again = renderer.render({ ...request(doc), baseId: first.id - 1 });
    expect(again.changed).toBe(again.blocks.length);
  });

  it('a reference to a block that is not there is refused (the controller then renders in full)', () => {
    const container = document.createElement('article');
    const reconciler = new BlockReconciler(container, sanitize);
    expect(() => reconciler.apply('', [{ same: 3, count: 1, lineDelta: 0 }])).toThrow();
  });
});
