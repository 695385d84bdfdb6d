// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../../shared/markdown/sanitize';
import { BlockReconciler } from './blockReconciler';
import type { PreviewRequest } from './previewModel';
import { PreviewRenderer, renderPreview, shiftDataLines } from './previewModel';

const sanitize = createSanitizer(DOMPurify);
const request = (text: string): PreviewRequest => ({
  baseId: null,
  version: 1,
  text,
  articlePath: 'a.md',
  assets: { prefix: '/asset/', suffix: '' },
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

const normalized = (element: HTMLElement): string =>
  element.innerHTML.replace(/>\s+</g, '><').trim();

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
