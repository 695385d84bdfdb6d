import { Idiomorph } from 'idiomorph';
import type { PreviewBlock, RenderedBlock } from './previewModel';
import { isSame } from './previewModel';

interface BlockView {
  /** Block HTML with relative data-line values: equal keys render equal DOM. */
  key: string;
  /** Absolute line the block's relative data-line values are based on. */
  line: number;
  nodes: ChildNode[];
  /** Position in the current list (set after every apply). */
  index: number;
}

export interface ReconcileStats {
  reused: number;
  morphed: number;
  created: number;
  removed: number;
  shifted: number;
}

const shiftNodeLines = (node: ChildNode, delta: number): void => {
  if (!(node instanceof Element)) return;
  const shift = (el: Element): void => {
    const value = el.getAttribute('data-line');
    if (value !== null) el.setAttribute('data-line', String(Number(value) + delta));
  };
  shift(node);
  for (const el of node.querySelectorAll('[data-line]')) shift(el);
};

/**
 * Keeps a container's children in line with a list of rendered blocks while touching as little
 * DOM as possible: unchanged blocks are kept (only their data-line values move when lines were
 * inserted above), a changed block is morphed in place with idiomorph (so an edited paragraph
 * changes one text node, images are not reloaded), new blocks are created, gone ones removed.
 * Only new HTML is sanitized, and only once.
 */
export class BlockReconciler {
  private views: BlockView[] = [];
  private headerKey = '';
  private headerNodes: ChildNode[] = [];
  private readonly template: HTMLTemplateElement;

  constructor(
    private readonly container: HTMLElement,
    private readonly sanitize: (html: string) => string,
  ) {
    this.template = container.ownerDocument.createElement('template');
  }

  private static meaningful(node: ChildNode): boolean {
    return (
      node.nodeType === Node.ELEMENT_NODE ||
      (node.nodeType === Node.TEXT_NODE && node.textContent?.trim() !== '')
    );
  }

  private parse(html: string, delta: number): ChildNode[] {
    this.template.innerHTML = this.sanitize(html);
    const nodes = [...this.template.content.childNodes].filter(BlockReconciler.meaningful);
    if (delta !== 0) for (const node of nodes) shiftNodeLines(node, delta);
    return nodes;
  }

  /**
   * Sanitizes and parses many blocks in ONE sanitizer call (each wrapped in a div that is
   * unwrapped again), which matters when a whole article appears at once.
   */
  private parseMany(blocks: readonly RenderedBlock[]): ChildNode[][] {
    if (blocks.length === 0) return [];
    if (blocks.length === 1) return [this.parse(blocks[0]?.html ?? '', blocks[0]?.line ?? 0)];
    const wrapped = blocks.map((block) => `<div class="byline-block">${block.html}</div>`).join('');
    this.template.innerHTML = this.sanitize(wrapped);
    const wrappers = [...this.template.content.children];
    return blocks.map((block, i) => {
      const wrapper = wrappers[i];
      if (!wrapper) return [];
      const nodes = [...wrapper.childNodes].filter(BlockReconciler.meaningful);
      if (block.line !== 0) for (const node of nodes) shiftNodeLines(node, block.line);
      return nodes;
    });
  }

  /**
   * The top-level blocks with their source lines, in order: the scroll-sync anchors, without
   * searching the whole preview for `data-line`.
   */
  anchors(): { element: HTMLElement; line: number }[] {
    const anchors: { element: HTMLElement; line: number }[] = [];
    for (const view of this.views) {
      for (const node of view.nodes) {
        if (!(node instanceof HTMLElement)) continue;
        // A block's own data-line is its line (the values inside it are relative to it).
        anchors.push({ element: node, line: view.line });
        break;
      }
    }
    return anchors;
  }

  /** Replaces everything (first render of another article). */
  reset(): void {
    this.views = [];
    this.headerKey = '';
    this.headerNodes = [];
    this.container.replaceChildren();
  }

  apply(header: string, blocks: readonly PreviewBlock[]): ReconcileStats {
    const stats: ReconcileStats = { reused: 0, morphed: 0, created: 0, removed: 0, shifted: 0 };

    // Header: one unit.
    if (header !== this.headerKey) {
      for (const node of this.headerNodes) node.remove();
      this.headerNodes = header === '' ? [] : this.parse(header, 0);
      this.headerKey = header;
      this.container.prepend(...this.headerNodes);
    }

    const old = this.views;
    const used = new Uint8Array(old.length);
    const moveTo = (view: BlockView, line: number): void => {
      if (view.line === line) {
        stats.reused++;
        return;
      }
      for (const node of view.nodes) shiftNodeLines(node, line - view.line);
      view.line = line;
      stats.shifted++;
    };

    // 1. Runs of unchanged blocks are taken over by index (no lookups, no copies); blocks sent as
    //    HTML may still equal an old block that was not referenced (a paragraph moved).
    const next: (BlockView | null)[] = [];
    const sent: { at: number; block: RenderedBlock }[] = [];
    for (const block of blocks) {
      if (!isSame(block)) {
        sent.push({ at: next.length, block });
        next.push(null);
        continue;
      }
      for (let index = block.same; index < block.same + block.count; index++) {
        const view = old[index];
        if (!view || used[index]) throw new Error('Preview block refers to a block that is not there');
        used[index] = 1;
        moveTo(view, view.line + block.lineDelta);
        next.push(view);
      }
    }
    let byKey: Map<string, number[]> | null = null;
    for (const { at, block } of sent) {
      if (!byKey) {
        byKey = new Map();
        for (let index = 0; index < old.length; index++) {
          if (used[index]) continue;
          const key = (old[index] as BlockView).key;
          const list = byKey.get(key);
          if (list) list.push(index);
          else byKey.set(key, [index]);
        }
      }
      const index = byKey.get(block.html)?.shift();
      if (index === undefined) continue;
      const view = old[index] as BlockView;
      used[index] = 1;
      moveTo(view, block.line);
      next[at] = view;
    }

    // 2. A changed block is morphed into the unused old block at the same place, else created.
    const missing = sent.filter(({ at }) => next[at] === null);
    const parsed = this.parseMany(missing.map(({ block }) => block));
    const freshAt = new Map<number, ChildNode[]>();
    missing.forEach(({ at }, n) => freshAt.set(at, parsed[n] ?? []));
    const sentAt = new Map(missing.map(({ at, block }) => [at, block]));
    let oldCursor = 0;
    next.forEach((view, at) => {
      if (view) {
        oldCursor = view.index + 1; // kept views still carry their index in the old list
        return;
      }
      const block = sentAt.get(at) as RenderedBlock;
      const fresh = freshAt.get(at) ?? [];
      const candidate = oldCursor < old.length && !used[oldCursor] ? old[oldCursor] : undefined;
      const only = candidate?.nodes.length === 1 ? candidate.nodes[0] : undefined;
      const replacement = fresh.length === 1 ? fresh[0] : undefined;
      if (
        candidate &&
        only instanceof Element &&
        replacement instanceof Element &&
        only.tagName === replacement.tagName
      ) {
        used[oldCursor] = 1;
        oldCursor++;
        const result = Idiomorph.morph(only, replacement, { morphStyle: 'outerHTML' }) as
          ChildNode[] | undefined;
        const morphed = result?.[0] ?? only;
        next[at] = { key: block.html, line: block.line, nodes: [morphed], index: -1 };
        stats.morphed++;
        return;
      }
      next[at] = { key: block.html, line: block.line, nodes: fresh, index: -1 };
      stats.created++;
    });

    // 3. Remove what is no longer there, then put the rest in order (moving only what moved).
    for (let index = 0; index < old.length; index++) {
      if (used[index]) continue;
      for (const node of (old[index] as BlockView).nodes) node.remove();
      stats.removed++;
    }
    const last = this.headerNodes[this.headerNodes.length - 1];
    let cursor: ChildNode | null = last ? last.nextSibling : this.container.firstChild;
    const views = next as BlockView[];
    views.forEach((view, index) => {
      view.index = index;
      for (const node of view.nodes) {
        if (node === cursor) cursor = cursor.nextSibling;
        else this.container.insertBefore(node, cursor);
      }
    });
    this.views = views;
    return stats;
  }
}
