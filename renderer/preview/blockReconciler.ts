import { Idiomorph } from 'idiomorph';
import type { PreviewBlock, RenderedBlock } from './previewModel';
import { isSame } from './previewModel';

interface BlockView {
  /** Block HTML with relative data-line values: equal keys render equal DOM. */
  key: string;
  /** Absolute line the block's relative data-line values are based on. */
  line: number;
  nodes: ChildNode[];
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
        const line = Number(node.getAttribute('data-line') ?? view.line);
        anchors.push({ element: node, line: Number.isFinite(line) ? line : view.line });
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

    // 1. Reuse blocks whose HTML is unchanged: by reference (`same`: its index in the previous
    //    list, as the worker sends it), else by equal HTML among the blocks not referenced.
    const used = new Uint8Array(this.views.length);
    const next: (BlockView | null)[] = blocks.map((block) => {
      if (!isSame(block)) return null;
      const view = this.views[block.same];
      if (!view || used[block.same]) return null;
      used[block.same] = 1;
      return view;
    });
    let byKey: Map<string, number[]> | null = null;
    blocks.forEach((block, i) => {
      if (next[i] || isSame(block)) return;
      if (!byKey) {
        byKey = new Map();
        this.views.forEach((view, index) => {
          if (used[index]) return;
          const list = byKey?.get(view.key);
          if (list) list.push(index);
          else byKey?.set(view.key, [index]);
        });
      }
      const index = byKey.get(block.html)?.shift();
      if (index === undefined) return;
      used[index] = 1;
      next[i] = this.views[index] ?? null;
    });
    if (blocks.some((block, i) => !next[i] && isSame(block))) {
      throw new Error('Preview block refers to a block that is not there');
    }

    // 2. A changed block is morphed into the unused old block at the same place, else created.
    const oldIndex = new Map<BlockView, number>();
    this.views.forEach((view, index) => oldIndex.set(view, index));
    const missing: number[] = [];
    next.forEach((view, i) => {
      if (!view) missing.push(i);
    });
    const parsed = this.parseMany(missing.map((i) => blocks[i] as RenderedBlock));
    const freshAt = new Map<number, ChildNode[]>();
    missing.forEach((blockIndex, n) => freshAt.set(blockIndex, parsed[n] ?? []));

    let oldCursor = 0;
    next.forEach((view, i) => {
      const block = blocks[i];
      if (!block) return;
      if (view) {
        oldCursor = (oldIndex.get(view) ?? -1) + 1;
        if (view.line !== block.line) {
          for (const node of view.nodes) shiftNodeLines(node, block.line - view.line);
          view.line = block.line;
          stats.shifted++;
        } else {
          stats.reused++;
        }
        return;
      }
      if (isSame(block)) return;
      const fresh = freshAt.get(i) ?? [];
      const old =
        oldCursor < this.views.length && !used[oldCursor] ? this.views[oldCursor] : undefined;
      const only = old?.nodes.length === 1 ? old.nodes[0] : undefined;
      const replacement = fresh.length === 1 ? fresh[0] : undefined;
      if (
        old &&
        only instanceof Element &&
        replacement instanceof Element &&
        only.tagName === replacement.tagName
      ) {
        used[oldCursor] = 1;
        oldCursor++;
        const result = Idiomorph.morph(only, replacement, { morphStyle: 'outerHTML' }) as
          ChildNode[] | undefined;
        const kept = result?.[0] ?? only;
        next[i] = { key: block.html, line: block.line, nodes: [kept] };
        stats.morphed++;
        return;
      }
      next[i] = { key: block.html, line: block.line, nodes: fresh };
      stats.created++;
    });

    // 3. Remove what is no longer there, then put the rest in order (moving only what moved).
    this.views.forEach((view, index) => {
      if (used[index]) return;
      for (const node of view.nodes) node.remove();
      stats.removed++;
    });
    const last = this.headerNodes[this.headerNodes.length - 1];
    let cursor: ChildNode | null = last ? last.nextSibling : this.container.firstChild;
    for (const view of next) {
      if (!view) continue;
      for (const node of view.nodes) {
        if (node === cursor) cursor = cursor.nextSibling;
        else this.container.insertBefore(node, cursor);
      }
    }
    this.views = next.filter((view): view is BlockView => view !== null);
    return stats;
  }
}
