import { articleFileStem, articleLanguage } from '../../shared/export/articleMetadata';
import { ChangeSet } from '@codemirror/state';
import type { MarkdownIt, Token } from 'markdown-it';
import { parseArticle, splitArticle } from '../../shared/article';
import { renderArticleHeader } from '../../shared/markdown/articleHeader';
import { createMarkdownRenderer, markdownRendererFor } from '../../shared/markdown/createRenderer';
import { profileKey, type RenderProfile } from '../../shared/markdown/renderProfile';
import type { MarkdownRenderEnv } from '../../shared/markdown/renderEnv';
import { createShortcodeEnv } from '../../shared/markdown/shortcodes/shortcodeEnv';
import { createImageResolver, encodeWorkspacePath } from '../../shared/markdown/resolveImage';
import type { WriterStats } from '../../shared/stats/writerStats';
import { computeWriterStats } from '../../shared/stats/writerStats';

/** How workspace paths become URLs, in a form that survives postMessage. */
export interface AssetUrlPattern {
  /** `/asset/` (browser mode) or `byline://app/asset/` (Electron). */
  prefix: string;
  /** `?token=…` in browser mode, '' in Electron. */
  suffix: string;
}

export interface PreviewRequest {
  /** The result the page shows now (the worker sends only blocks that differ from it), or null. */
  baseId: number | null;
  version: number;
  text: string;
  articlePath: string;
  assets: AssetUrlPattern;
  /** The workspace's rendering profile (its Hugo site's Goldmark settings). */
  profile: RenderProfile;
}

/**
 * One top-level block of the rendered body (a paragraph, heading, list, table, the footnotes
 * section). `html` carries `data-line` values RELATIVE to `line`, so a block whose text did not
 * change keeps the same `html` (its key) when lines are inserted above it; the preview adds
 * `line` back when it puts the block into the page.
 */
export interface RenderedBlock {
  line: number;
  html: string;
}

/**
 * `count` blocks identical to blocks `same`, `same + 1`, … of the previous result, each now
 * `lineDelta` lines further down (sent instead of their HTML). A keystroke in a 1 MB article is
 * then three entries (the blocks before, the edited one, the blocks after), not thousands, and
 * the page does work only for what changed.
 */
export interface SameRun {
  same: number;
  count: number;
  lineDelta: number;
}

export type PreviewBlock = RenderedBlock | SameRun;

export const isSame = (block: PreviewBlock): block is SameRun => 'same' in block;

/** Per-block results (`same` index or HTML) as runs of consecutive unchanged blocks. */
function toRuns(
  blocks: readonly ({ line: number; same: number } | RenderedBlock)[],
  base: readonly { line: number }[],
): PreviewBlock[] {
  const out: PreviewBlock[] = [];
  let run: SameRun | null = null;
  for (const block of blocks) {
    if (!('same' in block)) {
      run = null;
      out.push(block);
      continue;
    }
    const lineDelta = block.line - (base[block.same]?.line ?? block.line);
    if (run && run.same + run.count === block.same && run.lineDelta === lineDelta) {
      run.count++;
    } else {
      run = { same: block.same, count: 1, lineDelta };
      out.push(run);
    }
  }
  return out;
}

export interface PreviewResult {
  /** Increasing id of this result (the next request's baseId). */
  id: number;
  version: number;
  /** Unsanitized header HTML (title, lead, date, featured image, tags); '' when none. */
  header: string;
  blocks: PreviewBlock[];
  /** Number of blocks sent as HTML (the rest are `same` references). */
  changed: number;
  /** How the result was made: the whole article, or only the blocks around the edit. */
  mode: 'full' | 'incremental';
  /** 0-based line where the body starts (after the front matter). */
  bodyStartLine: number;
  /** From the front matter, for the window title and tabs. */
  title: string | null;
  /** The article's language as the exports mark it (front matter, else detected): the theme typesets by it. */
  lang: string;
}

/**
 * What the page sends the worker: the whole text (first render, another tab) or only the
 * editor's changes since the version the worker already has.
 */
export interface WorkerRequest {
  baseId: number | null;
  version: number;
  articlePath: string;
  assets: AssetUrlPattern;
  profile: RenderProfile;
  text?: string;
  edit?: { baseVersion: number; changes: unknown };
}

/** The worker's text was not at the edit's base version: the page sends the whole text again. */
export interface ResyncMessage {
  kind: 'resync';
  version: number;
}

/** Applies a serialized CodeMirror ChangeSet (`ChangeSet.toJSON()`) to a string. */
export function applyChanges(text: string, json: unknown): string {
  const changes = ChangeSet.fromJSON(json);
  if (changes.length !== text.length)
    throw new Error(`changes for ${changes.length} characters, text has ${text.length}`);
  let out = '';
  let pos = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    out += text.slice(pos, fromA) + inserted.toString();
    pos = toA;
  });
  return out + text.slice(pos);
}

/** The worker's copy of the open article, kept current from edits. */
export class WorkerDocument {
  private text: string | null = null;
  private version = -1;
  readonly renderer = new PreviewRenderer();

  /** Renders a request, or asks for the whole text when an edit does not fit the copy it has. */
  handle(request: WorkerRequest): PreviewResult | ResyncMessage {
    if (request.text !== undefined) {
      this.text = request.text;
    } else if (request.edit && this.text !== null && request.edit.baseVersion === this.version) {
      try {
        this.text = applyChanges(this.text, request.edit.changes);
      } catch {
        this.text = null;
        return { kind: 'resync', version: request.version };
      }
    } else {
      this.text = null;
      return { kind: 'resync', version: request.version };
    }
    this.version = request.version;
    return this.renderer.render({ ...request, text: this.text });
  }
}

/** Writer statistics, sent after the preview result so they never delay it. */
export interface StatsMessage {
  kind: 'stats';
  version: number;
  stats: WriterStats;
  /** Counted right after a whole text arrived (an article opened or shown): show at once. */
  immediate?: boolean;
}

export const assetUrlFrom =
  (pattern: AssetUrlPattern) =>
  (workspacePath: string): string =>
    `${pattern.prefix}${encodeWorkspacePath(workspacePath)}${pattern.suffix}`;

/** For slices: the same pipeline without the footnotes section (the slice has no definitions). */
const sliceRenderers = new Map<string, MarkdownIt>();
const sliceMarkdown = (profile: RenderProfile): MarkdownIt => {
  const key = profileKey(profile);
  let it = sliceRenderers.get(key);
  if (!it) {
    it = createMarkdownRenderer(profile);
    it.core.ruler.disable('footnote_tail', true);
    sliceRenderers.set(key, it);
  }
  return it;
};

/** What markdown-it-footnote puts on a citation token. */
interface FootnoteMeta {
  id: number;
  subId: number;
  label: string;
}

/** Citation tokens of tokens[from..to], in order. */
function citationTokens(tokens: readonly Token[], from = 0, to = tokens.length - 1): Token[] {
  const found: Token[] = [];
  for (let i = from; i <= to; i++) {
    for (const child of tokens[i]?.children ?? [])
      if (child.type === 'footnote_ref') found.push(child);
  }
  return found;
}

const dataLine = /data-line="(\d+)"/g;

/** Shifts every data-line="n" in `html` by `delta`. */
export function shiftDataLines(html: string, delta: number): string {
  if (delta === 0) return html;
  return html.replace(dataLine, (_, n: string) => `data-line="${Number(n) + delta}"`);
}

type BlockKind = 'paragraph' | 'heading' | 'rule' | 'other' | 'footnotes';

/** A rendered block with what the incremental renderer needs to know about it. */
interface BlockInfo extends RenderedBlock {
  /** First line after the block (exclusive), absolute; = line for the footnotes section. */
  end: number;
  kind: BlockKind;
  /** Its citations' footnote metadata (numbering depends on the whole article). */
  notes: FootnoteMeta[];
  /** False when no token in it knew its source line (only inline footnotes): `line` is the previous block's. */
  ownLine: boolean;
}

function kindOf(token: Token): BlockKind {
  if (token.type === 'paragraph_open') return 'paragraph';
  if (token.type === 'heading_open') return 'heading';
  if (token.type === 'hr') return 'rule';
  if (token.type === 'footnote_block_open') return 'footnotes';
  return 'other';
}

/** Splits markdown-it's token stream into top-level blocks and renders each one. */
function renderBlocks(
  it: MarkdownIt,
  tokens: Token[],
  env: MarkdownRenderEnv,
  fallbackLine: number,
): BlockInfo[] {
  const blocks: BlockInfo[] = [];
  let previousLine = fallbackLine;
  for (let start = 0; start < tokens.length;) {
    const token = tokens[start];
    if (!token) break;
    let end = start;
    if (token.nesting === 1) {
      let depth = 0;
      for (let i = start; i < tokens.length; i++) {
        depth += tokens[i]?.nesting ?? 0;
        end = i;
        if (depth === 0) break;
      }
    }
    const html = it.renderer.render(tokens.slice(start, end + 1), it.options, env);
    let line: number | null = null;
    for (let i = start; i <= end && line === null; i++) {
      const map = tokens[i]?.map;
      if (map) line = map[0] + env.lineOffset;
    }
    const kind = kindOf(token);
    const blockLine = line ?? previousLine;
    const blockEnd = token.map && kind !== 'footnotes' ? token.map[1] + env.lineOffset : blockLine;
    previousLine = blockLine;
    const notes = citationTokens(tokens, start, end).map((t) => ({
      ...(t.meta as unknown as FootnoteMeta),
    }));
    if (html !== '') {
      blocks.push({
        line: blockLine,
        end: blockEnd,
        kind,
        notes,
        ownLine: line !== null,
        html: shiftDataLines(html, -blockLine),
      });
    }
    start = end + 1;
  }
  return blocks;
}

/** A whole render, every block with its HTML. */
export interface FullPreview {
  version: number;
  header: string;
  blocks: BlockInfo[];
  bodyStartLine: number;
  bodyOffset: number;
  title: string | null;
  lang: string;
  /** Link reference definitions found in the body (`[label]: url`), for partial re-renders. */
  references: Record<string, unknown>;
  /** markdown-it-footnote's label -> footnote number map, for partial re-renders. */
  footnoteRefs: Record<string, number>;
}

/**
 * Renders the article through the shared pipeline (shared/markdown: the same markdown-it setup,
 * data-line source map, footnotes with back-links, image resolver) but block by block, so the
 * preview can tell which blocks changed. Pure: runs in the preview worker and in unit tests.
 */
export function renderPreview(request: Omit<PreviewRequest, 'baseId'>): FullPreview {
  const { parts, data } = parseArticle(request.text);
  const lineOffset = parts.bodyStartLine;
  const resolveImage = createImageResolver({
    articlePath: request.articlePath,
    toAssetUrl: assetUrlFrom(request.assets),
  });
  const env: MarkdownRenderEnv = {
    lineOffset,
    resolveImage,
    preview: true,
    shortcodes: createShortcodeEnv(request.profile, { path: request.articlePath, params: data }),
  };
  const markdown = markdownRendererFor(request.profile);
  const tokens = markdown.parse(parts.body, env);
  const title = data && typeof data['title'] === 'string' ? data['title'] : null;
  return {
    version: request.version,
    header: renderArticleHeader(data, { resolveImage, profile: request.profile }),
    blocks: renderBlocks(markdown, tokens, env, lineOffset),
    bodyStartLine: lineOffset,
    bodyOffset: parts.bodyOffset,
    title,
    lang: articleLanguage(data, parts.body, articleFileStem(request.articlePath)),
    references: { ...((env as { references?: Record<string, unknown> }).references ?? {}) },
    footnoteRefs: {
      ...((env as { footnotes?: { refs?: Record<string, number> } }).footnotes?.refs ?? {}),
    },
  };
}

// ── incremental re-rendering ─────────────────────────────────────────────────────────────────

/** Start offset of every line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line index (0-based) holding offset `pos`. */
function lineAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const lineText = (text: string, starts: readonly number[], line: number): string => {
  const from = starts[line];
  if (from === undefined) return '';
  const to = starts[line + 1];
  return text.slice(from, to === undefined ? text.length : to - 1);
};

/**
 * Constructs whose meaning reaches beyond their own block: footnote definitions and inline
 * footnotes (the notes section), fences (can swallow what follows), link reference definitions
 * (also inside lists and quotes, so anything like `[x]:` counts), comments and the raw HTML
 * blocks that run past blank lines (`<pre>`, `<script>`, `<style>`, `<textarea>`, `<?`, `<!X`),
 * Hugo shortcodes (a paired one spans blocks). A slice containing any of them is never re-rendered on its own. (Citations `[^1]` are fine as
 * long as the slice cites the same notes in the same order as before: numbering is unchanged.)
 */
const crossBlockSyntax =
  /\^\[|```|~~~|\[[^\]\n]*\]:|<!--|<[?!]|<(?:pre|script|style|textarea)\b|\{\{[<%]/i;
// Headings anywhere, also inside quotes and list items.
const atxHeading = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*#{1,6}(?:[ \t].*|)$/gm;
const setextUnderline = /\S[ \t]*\n[ \t>]*(?:=+|-+)[ \t]*$/m;
const atxHeadings = (slice: string): string => (slice.match(atxHeading) ?? []).join('\n');
const headingIds = /(<h[1-6] id=")([^"]*)"/g;

/** Re-rendered headings (the same ones, in order) take the ids the whole-document render gave. */
function keepHeadingIds(rendered: BlockInfo[], before: readonly BlockInfo[]): BlockInfo[] | null {
  const ids = before.flatMap((block) => [...block.html.matchAll(headingIds)].map((m) => m[2]));
  let next = 0;
  const out = rendered.map((block) => ({
    ...block,
    html: block.html.replace(headingIds, (whole, open: string) => {
      const id = ids[next++];
      return id === undefined ? whole : `${open}${id}"`;
    }),
  }));
  return next === ids.length ? out : null;
}

/** A line that could continue a list or a quote above it, or be swallowed by one. */
const joiningLine = /^(?:[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\|)/;
const standalone = new Set<BlockKind>(['paragraph', 'heading', 'rule']);

interface RendererState {
  text: string;
  articlePath: string;
  assetsKey: string;
  full: FullPreview;
}

/**
 * Re-renders only the blocks around an edit when that provably gives the same HTML as a full
 * render (the edited slice is bounded by blank lines and plain paragraphs/headings, and holds no
 * syntax that reaches across blocks); otherwise renders everything. Returns null for "render
 * everything".
 */
interface IncrementalPreview extends FullPreview {
  /** For each block: its index in the previous result when carried over unchanged, else null. */
  carried: (number | null)[];
}

function renderIncrementally(
  previous: RendererState,
  request: PreviewRequest,
): IncrementalPreview | null {
  const oldText = previous.text;
  const text = request.text;
  const prev = previous.full;
  // Front matter (header, line offset) must be unchanged.
  if (
    text.length < prev.bodyOffset ||
    text.slice(0, prev.bodyOffset) !== oldText.slice(0, prev.bodyOffset)
  )
    return null;
  // ...and no front matter may appear or disappear (a `---` typed on the first line).
  if (splitArticle(text).bodyOffset !== prev.bodyOffset) return null;

  // The changed region: common prefix and suffix.
  const limit = Math.min(oldText.length, text.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (prefix < prev.bodyOffset) return null;

  const oldStarts = lineStarts(oldText);
  const newStarts = lineStarts(text);
  const delta = newStarts.length - oldStarts.length;
  const changedFrom = lineAt(oldStarts, prefix);
  const changedTo = lineAt(oldStarts, Math.max(prefix, oldText.length - suffix));

  const flow = prev.blocks.filter((block) => block.kind !== 'footnotes');
  const notes = prev.blocks.find((block) => block.kind === 'footnotes') ?? null;
  // Blocks kept before [0, first) and after [last, flow.length): one untouched block either side.
  let first = flow.findIndex((block) => block.end > changedFrom);
  if (first < 0) first = flow.length;
  first = Math.max(0, first - 1);
  let last = flow.findIndex((block) => block.line > changedTo);
  if (last < 0) last = flow.length;
  last = Math.min(flow.length, last + 1);

  const blankAt = (source: string, starts: readonly number[], line: number): boolean =>
    lineText(source, starts, line).trim() === '';
  // Grow the slice until its neighbours are plain blocks separated from it by a blank line.
  for (let guard = 0; ; guard++) {
    if (guard > 6) return null;
    const before = first > 0 ? flow[first - 1] : undefined;
    const after = last < flow.length ? flow[last] : undefined;
    const beforeOk =
      !before || (standalone.has(before.kind) && blankAt(oldText, oldStarts, before.end));
    const afterOk =
      !after ||
      (standalone.has(after.kind) &&
        blankAt(oldText, oldStarts, after.line - 1) &&
        !joiningLine.test(lineText(oldText, oldStarts, after.line)));
    if (beforeOk && afterOk) break;
    if (!beforeOk) first--;
    if (!afterOk) last++;
  }

  const sliceFrom = first > 0 ? (flow[first - 1] as BlockInfo).end : prev.bodyStartLine;
  let oldSliceTo = last < flow.length ? (flow[last] as BlockInfo).line : oldStarts.length;
  if (last === flow.length && last > first) {
    // The slice reaches the last block: end it there when a blank line and an unindented line
    // (typically the footnote definitions) follow, so the definitions stay out of the slice.
    const lastBlock = flow[last - 1] as BlockInfo;
    const following = lineText(oldText, oldStarts, lastBlock.end);
    const next = lineText(oldText, oldStarts, lastBlock.end + 1);
    const definitionFollows = /^\[\^[^\]\s]+\]:/.test(following);
    const blankThenUnindented = following.trim() === '' && (next === '' || /^\S/.test(next));
    if (standalone.has(lastBlock.kind) && (definitionFollows || blankThenUnindented))
      oldSliceTo = lastBlock.end;
  }
  const newSliceTo = oldSliceTo + delta;
  if (changedFrom < sliceFrom || changedTo >= oldSliceTo || newSliceTo < sliceFrom) return null;
  // Footnote definitions after the last block would fall into an open-ended slice.
  if (notes && oldSliceTo === oldStarts.length) return null;

  const offset = (starts: readonly number[], source: string, line: number): number =>
    starts[line] ?? source.length;
  const oldSlice = oldText.slice(
    offset(oldStarts, oldText, sliceFrom),
    offset(oldStarts, oldText, oldSliceTo),
  );
  const newSlice = text.slice(
    offset(newStarts, text, sliceFrom),
    offset(newStarts, text, newSliceTo),
  );
  if (crossBlockSyntax.test(oldSlice) || crossBlockSyntax.test(newSlice)) return null;
  // A heading's id depends on the headings before it (repeats are numbered): the slice may only
  // keep its headings as they were, and they keep their ids.
  if (setextUnderline.test(oldSlice) || setextUnderline.test(newSlice)) return null;
  if (atxHeadings(oldSlice) !== atxHeadings(newSlice)) return null;

  const resolveImage = createImageResolver({
    articlePath: request.articlePath,
    toAssetUrl: assetUrlFrom(request.assets),
  });
  // Reference links and citations in the slice resolve against the whole article.
  const list: { label: string; count: number }[] = [];
  for (const [key, id] of Object.entries(prev.footnoteRefs))
    if (id >= 0) list[id] = { label: key.slice(1), count: 0 };
  const env = {
    lineOffset: sliceFrom,
    resolveImage,
    preview: true,
    references: { ...prev.references },
    footnotes: { refs: { ...prev.footnoteRefs }, list },
  } as MarkdownRenderEnv;
  const it = sliceMarkdown(request.profile);
  const tokens = it.parse(newSlice, env);
  // Same citations in the same order: numbers and back-links are as before; reuse their metadata.
  const before = flow.slice(first, last).flatMap((block) => block.notes);
  const cited = citationTokens(tokens);
  if (
    cited.length !== before.length ||
    cited.some((token, i) => (token.meta as unknown as FootnoteMeta).label !== before[i]?.label)
  ) {
    return null;
  }
  cited.forEach((token, i) => (token.meta = { ...before[i] } as unknown as Token['meta']));
  const rendered = keepHeadingIds(
    renderBlocks(it, tokens, env, sliceFrom),
    flow.slice(first, last),
  );
  if (!rendered) return null;
  if (rendered.some((block) => block.kind === 'footnotes')) return null;

  const shift = (block: BlockInfo): BlockInfo => ({
    ...block,
    line: block.line + delta,
    end: block.end + delta,
  });
  // Re-rendered blocks that came out as before are carried over too.
  const oldSliceBlocks = new Map<string, number[]>();
  for (let i = first; i < last; i++) {
    const html = (flow[i] as BlockInfo).html;
    const list = oldSliceBlocks.get(html);
    if (list) list.push(i);
    else oldSliceBlocks.set(html, [i]);
  }
  const blocks = [...flow.slice(0, first), ...rendered, ...flow.slice(last).map(shift)];
  const carried: (number | null)[] = [
    ...flow.slice(0, first).map((_, i) => i),
    ...rendered.map((block) => oldSliceBlocks.get(block.html)?.shift() ?? null),
    ...flow.slice(last).map((_, i) => last + i),
  ];
  if (notes) {
    const previousLine =
      blocks.length > 0 ? (blocks[blocks.length - 1] as BlockInfo).line : sliceFrom;
    const moved = !notes.ownLine
      ? { ...notes, line: previousLine, end: previousLine }
      : notes.line >= oldSliceTo
        ? shift(notes)
        : notes;
    blocks.push(moved);
    carried.push(prev.blocks.indexOf(notes));
  }
  return { ...prev, version: request.version, blocks, carried };
}

/**
 * The worker's renderer. Keeps the last result so that (a) a keystroke re-renders only the
 * blocks around it when that is provably equivalent, and (b) only blocks whose HTML changed are
 * sent (`{ line, same: index }` for the rest): a keystroke in a 1 MB article transfers a few
 * hundred bytes and the page compares nothing it need not.
 */
export class PreviewRenderer {
  private lastId = 0;
  private state: RendererState | null = null;

  render(request: PreviewRequest): PreviewResult {
    const previous = this.state;
    const assetsKey = `${request.assets.prefix}\u0000${request.assets.suffix}\u0000${profileKey(request.profile)}`;
    const samePlace =
      previous !== null &&
      previous.articlePath === request.articlePath &&
      previous.assetsKey === assetsKey;
    const incremental = samePlace && previous ? renderIncrementally(previous, request) : null;
    const full = incremental ?? renderPreview(request);
    const id = ++this.lastId;
    this.state = { text: request.text, articlePath: request.articlePath, assetsKey, full };

    const base =
      samePlace && previous && request.baseId !== null && request.baseId === id - 1
        ? previous.full.blocks
        : null;
    const common = {
      id,
      version: request.version,
      header: full.header,
      mode: incremental ? ('incremental' as const) : ('full' as const),
      bodyStartLine: full.bodyStartLine,
      title: full.title,
      lang: full.lang,
    };
    const plain = (block: BlockInfo): RenderedBlock => ({ line: block.line, html: block.html });
    if (!base) return { ...common, blocks: full.blocks.map(plain), changed: full.blocks.length };

    if (incremental) {
      let changed = 0;
      const blocks = full.blocks.map((block, i) => {
        const same = incremental.carried[i];
        if (same === null || same === undefined) {
          changed++;
          return plain(block);
        }
        return { line: block.line, same };
      });
      return { ...common, blocks: toRuns(blocks, base), changed };
    }
    const byHtml = new Map<string, number[]>();
    base.forEach((block, index) => {
      const list = byHtml.get(block.html);
      if (list) list.push(index);
      else byHtml.set(block.html, [index]);
    });
    let changed = 0;
    const blocks = full.blocks.map((block) => {
      const same = byHtml.get(block.html)?.shift();
      if (same === undefined) {
        changed++;
        return plain(block);
      }
      return { line: block.line, same };
    });
    return { ...common, blocks: toRuns(blocks, base), changed };
  }

  /** Writer statistics of the last rendered text (body only). */
  stats(): StatsMessage | null {
    const state = this.state;
    if (!state) return null;
    return {
      kind: 'stats',
      version: state.full.version,
      stats: computeWriterStats(state.text.slice(state.full.bodyOffset)),
    };
  }
}
