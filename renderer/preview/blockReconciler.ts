import { Idiomorph } from 'idiomorph';
import type { PreviewBlock, RenderedBlock } from './previewModel';
import { isSame } from './previewModel';
import { previewHtml } from '../security/trustedTypes';

interface BlockView {
  /** Block HTML with relative data-line values: equal keys render equal DOM. */
  key: string;
  /** Absolute line the block's relative data-line values are based on. */
  line: number;
  nodes: ChildNode[];
  /** Position in the current list (set after every apply). */
  index: number;
  /** The chunk element holding the nodes (null until placed). */
  chunk: HTMLElement | null;
}

/**
 * Blocks per chunk. A long article has thousands of blocks; grouping them into chunks with
 * `content-visibility: auto` (not each block) keeps Chromium's per-frame work over the preview
 * (its intersection checks for content-visibility, hover hit tests, pre-paint) in proportion to
 * the chunks: measured in the editor bench, about 1.3 ms less main-thread work per frame in a
 * 1 MB article. A chunk is split once it holds twice this many, and merged with its neighbour
 * when both together hold at most this many.
 */
export const chunkTarget = 32;

/**
 * A new chunk may start only at a paragraph. Paragraphs have no top margin in the preview, and a
 * chunk (a formatting root) keeps the margins of its children inside, so the gap above a
 * paragraph at a chunk edge is the same as in the published article, where margins collapse.
 */
const startsChunk = (view: BlockView): boolean => {
  const first = view.nodes.find((node) => node instanceof Element);
  return first instanceof Element && first.tagName === 'P';
};

/** A chunk element and the blocks in it, in order. */
interface ChunkGroup {
  chunk: HTMLElement;
  views: BlockView[];
}

export interface PreviewAnchor {
  element: HTMLElement;
  line: number;
  /** The chunk the block is in: measuring it does not lay out the chunk's blocks. */
  chunk: HTMLElement | null;
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
    this.template.innerHTML = previewHtml(html, this.sanitize);
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
    this.template.innerHTML = previewHtml(wrapped, this.sanitize);
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
  anchors(): PreviewAnchor[] {
    const anchors: PreviewAnchor[] = [];
    for (const view of this.views) {
      for (const node of view.nodes) {
        if (!(node instanceof HTMLElement)) continue;
        // A block's own data-line is its line (the values inside it are relative to it).
        anchors.push({ element: node, line: view.line, chunk: view.chunk });
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
        if (!view || used[index])
          throw new Error('Preview block refers to a block that is not there');
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
        next[at] = {
          key: block.html,
          line: block.line,
          nodes: [morphed],
          index: -1,
          chunk: candidate.chunk,
        };
        stats.morphed++;
        return;
      }
      next[at] = { key: block.html, line: block.line, nodes: fresh, index: -1, chunk: null };
      stats.created++;
    });

    // 3. Remove what is no longer there, then put the rest in order (moving only what moved).
    for (let index = 0; index < old.length; index++) {
      if (used[index]) continue;
      for (const node of (old[index] as BlockView).nodes) node.remove();
      stats.removed++;
    }
    const views = next as BlockView[];
    views.forEach((view, index) => (view.index = index));
    this.rebalance(this.place(views));
    this.views = views;
    return stats;
  }

  private newChunk(): HTMLElement {
    const chunk = this.container.ownerDocument.createElement('div');
    chunk.className = 'preview-chunk';
    return chunk;
  }

  /**
   * Puts every block's nodes in order into chunks after the header. A block keeps its chunk; a
   * new block joins the chunk it lands in, and a run of new blocks (a first render) is cut into
   * chunks as it is placed. Returns the chunks in order with their blocks.
   */
  private place(views: readonly BlockView[]): ChunkGroup[] {
    const groups: ChunkGroup[] = [];
    const entered = new Set<HTMLElement>();
    const created = new Set<HTMLElement>();
    const last = this.headerNodes[this.headerNodes.length - 1];
    let nextChunkAt: ChildNode | null = last ? last.nextSibling : this.container.firstChild;
    // Where the next node goes in the current chunk (set by enter, read by the loop).
    let cursor = null as ChildNode | null;

    const enter = (chunk: HTMLElement): ChunkGroup => {
      if (chunk === nextChunkAt) nextChunkAt = chunk.nextSibling;
      else this.container.insertBefore(chunk, nextChunkAt);
      entered.add(chunk);
      cursor = chunk.firstChild;
      const group = { chunk, views: [] };
      groups.push(group);
      return group;
    };
    const enterNew = (): ChunkGroup => {
      const chunk = this.newChunk();
      created.add(chunk);
      return enter(chunk);
    };
    const firstKept = views.find((view) => view.chunk !== null)?.chunk ?? null;

    let current: ChunkGroup | null = null;
    for (const view of views) {
      const own = view.chunk;
      if (own !== null && !entered.has(own)) current = enter(own);
      else if (!current) {
        current = firstKept && !entered.has(firstKept) ? enter(firstKept) : enterNew();
      } else if (
        own === null &&
        created.has(current.chunk) &&
        current.views.length >= chunkTarget &&
        startsChunk(view)
      ) {
        current = enterNew();
      }
      // Otherwise the block is in this chunk already, is new, or moved back past its chunk: it
      // joins the chunk it lands in.
      view.chunk = current.chunk;
      current.views.push(view);
      for (const node of view.nodes) {
        if (node === cursor) cursor = cursor.nextSibling;
        else current.chunk.insertBefore(node, cursor);
      }
    }
    // Chunks whose blocks all went away (their nodes are gone or moved).
    for (const child of [...this.container.children]) {
      if (child.classList.contains('preview-chunk') && !entered.has(child as HTMLElement))
        child.remove();
    }
    return groups;
  }

  /**
   * Keeps chunks valid and near the target size: a chunk other than the first must start at a
   * paragraph (blocks before its first paragraph move to the chunk before, as after deleting the
   * paragraph a chunk started with); small neighbours merge; a chunk past twice the target splits
   * at a paragraph.
   */
  private rebalance(groups: readonly ChunkGroup[]): void {
    const moveInto = (group: ChunkGroup, views: readonly BlockView[]): void => {
      for (const view of views) {
        view.chunk = group.chunk;
        group.chunk.append(...view.nodes);
      }
      group.views.push(...views);
    };
    const merged: ChunkGroup[] = [];
    for (const group of groups) {
      const previous = merged[merged.length - 1];
      if (previous) {
        let lead = 0;
        while (lead < group.views.length && !startsChunk(group.views[lead] as BlockView)) lead++;
        if (
          lead === group.views.length ||
          previous.views.length + group.views.length <= chunkTarget
        ) {
          moveInto(previous, group.views);
          group.chunk.remove();
          continue;
        }
        if (lead > 0) {
          moveInto(previous, group.views.slice(0, lead));
          group.views = group.views.slice(lead);
        }
      }
      merged.push(group);
    }
    const result: ChunkGroup[] = [];
    for (const group of merged) {
      let rest = group;
      result.push(rest);
      while (rest.views.length > 2 * chunkTarget) {
        const views = rest.views;
        let cut = chunkTarget;
        while (cut < views.length - chunkTarget / 2 && !startsChunk(views[cut] as BlockView)) cut++;
        if (cut >= views.length - chunkTarget / 2) break; // no paragraph to cut at: stays large
        const tail: ChunkGroup = { chunk: this.newChunk(), views: [] };
        rest.chunk.after(tail.chunk);
        moveInto(tail, views.slice(cut));
        rest.views = views.slice(0, cut);
        result.push(tail);
        rest = tail;
      }
    }
    result.forEach(({ chunk, views }, index) => {
      // Until a chunk has been shown its height is a guess from its size; written only when it
      // changes (a style write is a style recalculation).
      const estimate = `auto ${views.length * 3.5}em`;
      if (chunk.style.containIntrinsicSize !== estimate)
        chunk.style.containIntrinsicSize = estimate;
      // The first chunk is not contained, so the top margin of the first block collapses with
      // the header's as in the published article.
      if (chunk.classList.contains('preview-chunk-first') !== (index === 0))
        chunk.classList.toggle('preview-chunk-first', index === 0);
    });
  }
}
