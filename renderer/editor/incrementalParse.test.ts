import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState, type ChangeSpec } from '@codemirror/state';
import { Tree } from '@lezer/common';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markdownSupport } from './editorExtensions';

// The editor re-parses the article on every keystroke, reusing the previous tree. These tests pin
// down the patch in patches/@lezer+markdown+*.patch (docs/editor-and-preview.md): reuse takes large
// chunks of the old tree, and the result is always the tree a fresh parse gives.

const extensions = markdownSupport();

function parsed(state: EditorState): Tree {
  const tree = ensureSyntaxTree(state, state.doc.length, 60_000);
  if (!tree) throw new Error('parse did not finish');
  return tree;
}

/** Every node (mounted front matter grammar included) as name@from-to, in document order. */
function outline(tree: Tree): string[] {
  const out: string[] = [];
  tree.iterate({ enter: (node) => void out.push(`${node.name}@${node.from}-${node.to}`) });
  return out;
}

function freshOutline(doc: string): string[] {
  return outline(parsed(EditorState.create({ doc, extensions })));
}

/** Tree objects (not buffers) in a tree, including anonymous balancing nodes. */
function treeNodes(tree: Tree, into = new Set<Tree>()): Set<Tree> {
  into.add(tree);
  for (const child of tree.children) if (child instanceof Tree) treeNodes(child, into);
  return into;
}

function depth(tree: Tree): number {
  let deepest = 0;
  for (const child of tree.children)
    if (child instanceof Tree) deepest = Math.max(deepest, depth(child));
  return deepest + 1;
}

const blocks = [
  '这是一段很长的中文段落，记者写道：芯片出口新规落地之后，供应链开始重组[^1]。',
  'A Latin paragraph with *emphasis*, `code` and a [link](https://example.com).',
  '### 小标题',
  '> 导语：引用块里的文字。',
  '- 列表项一\n- 列表项二',
  '1. first\n2. second',
  '```js\nconst x = 1;\n```',
  '[^1]: 王小明，2026-05-01，《报道标题》，新华社，检索于 2026-05-02。',
  '---',
  '| a | b |\n| - | - |\n| 1 | 2 |',
];

function article(blockCount: number): string {
  const parts = ['---\ntitle: 芯片出口新规\ntags:\n  - 芯片\n---'];
  for (let i = 0; i < blockCount; i++)
    parts.push(blocks[i % blocks.length]!.replace('[^1]', `[^${i}]`));
  return parts.join('\n\n') + '\n';
}

// Edits that can change block structure anywhere: fences, list markers, headings, blank lines.
const snippets = ['x', '中', '\n', '\n\n', '```', '- ', '# ', '> ', '[^9]', '*', '|', '---\n', ''];

describe('incremental Markdown parsing in the editor', () => {
  // Each transaction parses for a time budget read from Date.now, and the next parse goes on from
  // where it stopped, so where the budget ran out shapes the tree (a loaded machine gave other
  // depths and chunk counts). A clock that moves 10 µs each time it is read ends every budget
  // after the same work on any machine: that of a machine fast enough to finish a keystroke's
  // parse within its budget.
  beforeEach(() => {
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 0.01));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('after any sequence of edits the tree equals a fresh parse', () => {
    const start = article(120);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            remove: fc.integer({ min: 0, max: 12 }),
            insert: fc.constantFrom(...snippets),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (edits) => {
          let state = EditorState.create({ doc: start, extensions });
          parsed(state);
          for (const edit of edits) {
            const from = Math.floor(edit.at * state.doc.length);
            const to = Math.min(state.doc.length, from + edit.remove);
            const changes: ChangeSpec = { from, to, insert: edit.insert };
            state = state.update({ changes }).state;
            expect(outline(parsed(state))).toEqual(freshOutline(state.doc.toString()));
          }
        },
      ),
      { numRuns: 60, seed: 20261129 },
    );
  });

  it('a keystroke late in a long article reuses the old tree in chunks, not block by block', () => {
    const doc = article(3000);
    let state = EditorState.create({ doc, extensions });
    const before = treeNodes(parsed(state));
    const at = doc.lastIndexOf('芯片出口新规落地');
    state = state.update({ changes: { from: at, insert: '新' } }).state;
    const after = parsed(state);
    const created = [...treeNodes(after)].filter((node) => !before.has(node)).length;
    // Unpatched, the blocks before the edit are re-added one by one and rebalanced: over a
    // thousand new nodes here (1,010). Reusing chunks leaves about 120.
    expect(created).toBeLessThan(200);
    expect(outline(after)).toEqual(freshOutline(state.doc.toString()));
  });

  it('the tree stays shallow while a writer types through a long article', () => {
    let state = EditorState.create({ doc: article(1500), extensions });
    parsed(state);
    const initialDepth = depth(parsed(state));
    for (let i = 0; i < 400; i++) {
      // Typing that moves through the document, as a writer revising it would.
      const at = Math.floor((((i * 37) % 400) / 400) * state.doc.length);
      const line = state.doc.lineAt(at);
      state = state.update({
        changes: { from: line.to, insert: i % 25 === 0 ? '\n\n新段落' : '字' },
      }).state;
      parsed(state);
    }
    // Reused chunks nest inside new balancing nodes, so the tree is somewhat deeper than a fresh
    // parse (15 levels against 8 here, stable over thousands of edits), never runaway.
    expect(depth(parsed(state))).toBeLessThanOrEqual(initialDepth * 2);
    // And after all that reuse of reused chunks, still the tree a fresh parse gives.
    expect(outline(parsed(state))).toEqual(freshOutline(state.doc.toString()));
  });
});
