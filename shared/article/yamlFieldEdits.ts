import {
  isMap,
  isScalar,
  isSeq,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { FrontMatterBlock } from './splitArticle';
import { planBlockList, planBracketList, type ListItemSource } from './listEdits';
import { minimalChange, type TextChange } from './textChange';
import { lineStartAt, nextLineStartAt, withoutTrailingLineBreak } from './textPosition';
import { YAML_MAX_ALIAS_COUNT } from './yamlFrontMatter';
import {
  renderYamlFlowValue,
  renderYamlKey,
  renderYamlScalar,
  type YamlScalarContext,
  type YamlScalarStyle,
  type YamlScalarValue,
} from './yamlScalar';

/** Everything a YAML edit needs: the full text, where the front matter content starts, its tree. */
export interface YamlEditTarget {
  text: string;
  block: FrontMatterBlock;
  doc: Document.Parsed;
  eol: '\n' | '\r\n';
}

type Ranged = Node & { range?: [number, number, number] | null };

const STYLES: readonly string[] = [
  'PLAIN',
  'QUOTE_SINGLE',
  'QUOTE_DOUBLE',
  'BLOCK_LITERAL',
  'BLOCK_FOLDED',
];

function rangeOf(target: YamlEditTarget, node: unknown): { from: number; to: number } | null {
  const range = (node as Ranged | null)?.range;
  if (!range) return null;
  const base = target.block.contentRange.from;
  // Block values own their last line break; edits stop before it so the line structure stays.
  return {
    from: base + range[0],
    to: withoutTrailingLineBreak(target.text, base + range[0], base + range[1]),
  };
}

function keyText(pair: Pair): string | null {
  return isScalar(pair.key) ? String(pair.key.value) : null;
}

function topLevelMap(target: YamlEditTarget): YAMLMap | null {
  return isMap(target.doc.contents) ? target.doc.contents : null;
}

export function findPair(target: YamlEditTarget, key: string): Pair | undefined {
  return topLevelMap(target)?.items.find((pair) => keyText(pair) === key);
}

function styleOf(node: unknown): YamlScalarStyle {
  const type = isScalar(node) ? node.type : undefined;
  return type && STYLES.includes(type) ? (type as YamlScalarStyle) : 'PLAIN';
}

/** Leading blanks of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/** Offset just past the ':' that follows a pair's key. */
function afterColon(target: YamlEditTarget, pair: Pair): number {
  const key = rangeOf(target, pair.key);
  if (!key) return target.block.contentRange.from;
  let pos = key.to;
  while (target.text[pos] === ' ' || target.text[pos] === '\t') pos++;
  return target.text[pos] === ':' ? pos + 1 : key.to;
}

/** Indentation of a block scalar's content, read from its first non-empty line. */
function blockContentIndent(target: YamlEditTarget, node: unknown, fallback: string): string {
  const range = rangeOf(target, node);
  if (!range) return fallback;
  const lines = target.text.slice(range.from, range.to).split('\n').slice(1);
  const first = lines.find((line) => line.trim() !== '');
  const indent = first ? (/^ +/.exec(first)?.[0] ?? '') : '';
  return indent === '' ? fallback : indent;
}

/** How lists are written in this document: the first existing list decides; block, 2 spaces, by default. */
function listConvention(target: YamlEditTarget | null): { flow: boolean; indent: string } {
  if (!target) return { flow: false, indent: '  ' };
  for (const pair of topLevelMap(target)?.items ?? []) {
    if (!isSeq(pair.value)) continue;
    if (pair.value.flow) return { flow: true, indent: '  ' };
    const first = rangeOf(target, pair.value.items[0]);
    const key = rangeOf(target, pair.key);
    if (first && key) {
      const itemIndent = indentAt(target.text, first.from);
      const keyIndent = indentAt(target.text, key.from);
      if (itemIndent.startsWith(keyIndent))
        return { flow: false, indent: itemIndent.slice(keyIndent.length) };
    }
    return { flow: false, indent: '  ' };
  }
  return { flow: false, indent: '  ' };
}

function scalarTarget(
  target: { eol: '\n' | '\r\n' },
  style: YamlScalarStyle,
  context: YamlScalarContext,
  indent: string,
) {
  return { style, context, indent, eol: target.eol };
}

/** Leading blanks of the line a pair's key is on. */
export function pairIndent(target: YamlEditTarget, pair: Pair): string {
  const key = rangeOf(target, pair.key);
  return key ? indentAt(target.text, key.from) : '';
}

/**
 * Text that follows `key:` for a brand-new value: " value", " [a, b]", or a line break plus an
 * indented block list / literal block. Without a target, lists are block lists indented 2 spaces.
 */
export function renderYamlValueText(
  target: YamlEditTarget | null,
  value: unknown,
  keyIndent: string,
  inFlow: boolean,
  eol: '\n' | '\r\n' = target?.eol ?? '\n',
): string {
  const childIndent = keyIndent + '  ';
  if (Array.isArray(value)) {
    const convention = listConvention(target);
    if (value.length === 0) return ' []';
    if (inFlow || convention.flow) {
      return ` [${value.map((item) => renderYamlScalar(item as YamlScalarValue, scalarTarget({ eol }, 'PLAIN', 'flow', childIndent))).join(', ')}]`;
    }
    const itemIndent = keyIndent + convention.indent;
    return value
      .map(
        (item) =>
          `${eol}${itemIndent}- ${renderYamlScalar(item as YamlScalarValue, scalarTarget({ eol }, 'PLAIN', 'seq-item', itemIndent + '  '))}`,
      )
      .join('');
  }
  const scalar = value as YamlScalarValue;
  const style: YamlScalarStyle =
    typeof scalar === 'string' && scalar.includes('\n') ? 'BLOCK_LITERAL' : 'PLAIN';
  return (
    ' ' +
    renderYamlScalar(
      scalar,
      scalarTarget({ eol }, style, inFlow ? 'flow' : 'map-value', childIndent),
    )
  );
}

/** Replaces everything after `key:` (up to the value's last line break) with `valueText`. */
export function replaceWholeValue(
  target: YamlEditTarget,
  pair: Pair,
  valueText: string,
): TextChange | null {
  const from = afterColon(target, pair);
  const value = rangeOf(target, pair.value);
  let to = value && value.to > from ? value.to : from;
  if (to === from) {
    // An empty value: absorb blanks after the colon ("tags: ") that the new text replaces.
    while (target.text[to] === ' ' || target.text[to] === '\t') to++;
  }
  return minimalChange(target.text, from, to, valueText);
}

/** Item ranges plus their parsed values (taken from the document's data, so aliases resolve). */
function listItems(
  target: YamlEditTarget,
  items: readonly unknown[],
  values: readonly unknown[],
): ListItemSource[] {
  const sources: ListItemSource[] = [];
  items.forEach((item, i) => {
    const range = rangeOf(target, item);
    if (range) sources.push({ ...range, value: values[i], style: styleOf(item) });
  });
  return sources;
}

/** Sets a top-level field that already exists, touching only its value's source. */
export function setExistingYamlField(
  target: YamlEditTarget,
  pair: Pair,
  value: unknown,
  oldValue: unknown,
): TextChange | null {
  const map = topLevelMap(target);
  const inFlow = map?.flow === true;
  const key = rangeOf(target, pair.key);
  const keyIndent = key ? indentAt(target.text, key.from) : '';
  const node = pair.value;

  if (isSeq(node) && Array.isArray(value)) {
    const flow = node.flow === true;
    const items = listItems(target, node.items, Array.isArray(oldValue) ? oldValue : []);
    if (items.length !== node.items.length)
      return replaceWholeValue(target, pair, renderYamlValueText(target, value, keyIndent, inFlow));
    const render = (item: unknown, like: ListItemSource | undefined): string =>
      renderYamlScalar(
        item as YamlScalarValue,
        scalarTarget(
          target,
          (like?.style ?? 'PLAIN') as YamlScalarStyle,
          flow ? 'flow' : 'seq-item',
          keyIndent + '    ',
        ),
      );
    const range = rangeOf(target, node);
    if (flow && range) {
      return planBracketList(
        target.text,
        { open: range.from, close: range.to - 1, items },
        value,
        render,
      );
    }
    if (value.length === 0 || items.length === 0) return replaceWholeValue(target, pair, ' []');
    return planBlockList(target.text, items, value, render, target.eol);
  }

  const range = rangeOf(target, node);
  const isEmptyScalar = !node || (isScalar(node) && range !== null && range.from === range.to);
  if (isScalar(node) && !Array.isArray(value) && !isEmptyScalar && range) {
    const style = styleOf(node);
    const indent = style.startsWith('BLOCK')
      ? blockContentIndent(target, node, keyIndent + '  ')
      : keyIndent + '  ';
    const rendered = renderYamlScalar(
      value as YamlScalarValue,
      scalarTarget(target, style, inFlow ? 'flow' : 'map-value', indent),
    );
    return minimalChange(target.text, range.from, range.to, rendered);
  }
  return replaceWholeValue(target, pair, renderYamlValueText(target, value, keyIndent, inFlow));
}

/** Where a new top-level field goes: after the last non-blank line of the front matter. */
function appendOffset(target: YamlEditTarget): number {
  const { contentRange } = target.block;
  const content = target.text.slice(contentRange.from, contentRange.to);
  const lastNonBlank = content.search(/\S\s*$/);
  if (lastNonBlank === -1) return contentRange.from;
  return Math.min(contentRange.to, nextLineStartAt(target.text, contentRange.from + lastNonBlank));
}

/** Adds `key: value` (or the raw `valueText`) as a new top-level field. */
export function addYamlField(
  target: YamlEditTarget,
  key: string,
  valueText: (keyIndent: string, inFlow: boolean) => string,
): TextChange | null {
  const map = topLevelMap(target);
  if (map?.flow) {
    const range = rangeOf(target, map);
    if (!range) return null;
    const items = map.items.map((pair) => {
      const k = rangeOf(target, pair.key);
      const v = rangeOf(target, pair.value) ?? k;
      return { from: k?.from ?? range.from, to: v?.to ?? range.from, value: keyText(pair) };
    });
    return planBracketList(
      target.text,
      { open: range.from, close: range.to - 1, items },
      [...items.map((item) => item.value), key],
      () => `${renderYamlKey(key)}:${valueText('', true)}`,
    );
  }
  const firstKey = map?.items[0] ? rangeOf(target, map.items[0].key) : null;
  const keyIndent = firstKey ? indentAt(target.text, firstKey.from) : '';
  const at = appendOffset(target);
  const needsBreak = at > target.block.contentRange.from && target.text[at - 1] !== '\n';
  const line = `${keyIndent}${renderYamlKey(key)}:${valueText(keyIndent, false)}${target.eol}`;
  return { from: at, to: at, insert: (needsBreak ? target.eol : '') + line };
}

/** Removes a top-level field: its lines in a block map, its entry in a flow map. */
export function removeYamlField(target: YamlEditTarget, pair: Pair): TextChange | null {
  const map = topLevelMap(target);
  const key = rangeOf(target, pair.key);
  if (!map || !key) return null;
  const value = rangeOf(target, pair.value);
  const end = value && value.to > key.to ? value.to : key.to;
  if (map.flow) {
    const range = rangeOf(target, map);
    if (!range) return null;
    const items = map.items.map((p) => {
      const k = rangeOf(target, p.key);
      const v = rangeOf(target, p.value) ?? k;
      return {
        from: k?.from ?? range.from,
        to: v?.to ?? range.from,
        value: p === pair ? Symbol('removed') : keyText(p),
      };
    });
    return planBracketList(
      target.text,
      { open: range.from, close: range.to - 1, items },
      items.filter((item) => typeof item.value !== 'symbol').map((item) => item.value),
      () => '',
    );
  }
  return minimalChange(
    target.text,
    lineStartAt(target.text, key.from),
    nextLineStartAt(target.text, end),
    '',
  );
}

/**
 * Aliases elsewhere in the document that point into `node` (`editors: *team` when editing
 * `authors: &team [...]`). Editing or removing `node` would silently change or break them, so
 * each one is replaced by its current value, written out in flow style.
 */
export function materializeAliasesInto(target: YamlEditTarget, node: unknown): TextChange[] {
  if (!node || typeof node !== 'object') return [];
  const inside = new Set<unknown>([node]);
  visit(node as Node, {
    Node(_key, inner) {
      inside.add(inner);
    },
  });
  const changes: TextChange[] = [];
  visit(target.doc, {
    Alias(_key, alias) {
      if (inside.has(alias)) return;
      const resolved = alias.resolve(target.doc);
      const range = rangeOf(target, alias);
      if (!resolved || !inside.has(resolved) || !range) return;
      const value: unknown = resolved.toJS(target.doc, { maxAliasCount: YAML_MAX_ALIAS_COUNT });
      changes.push({ from: range.from, to: range.to, insert: renderYamlFlowValue(value) });
    },
  });
  return changes;
}
