import { isMap, isScalar, stringify, type Pair } from 'yaml';
import { analyzeArticle, type ArticleModel } from '../article/frontMatter';
import { lineColumnAt, withoutTrailingLineBreak } from '../article/textPosition';
import { scanTomlTopLevel } from '../article/tomlSource';
import { YAML_PARSE_OPTIONS } from '../article/yamlFrontMatter';

type Ranged = { range?: [number, number, number] | null };

function yamlPair(model: ArticleModel, key: string): Pair | undefined {
  if (model.syntax !== 'yaml' || !isMap(model.doc.contents)) return undefined;
  return model.doc.contents.items.find(
    (pair) => isScalar(pair.key) && String(pair.key.value) === key,
  );
}

/** Removes the indentation all non-blank lines share. */
function dedent(lines: string[]): string {
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(cut, line.length))).join('\n');
}

/**
 * The value of a top-level field as YAML text, as `planSetFieldRaw` takes it: in YAML front matter
 * the source exactly as written (comments inside included, indentation removed); in TOML and JSON
 * the value written as YAML. Null when the field does not exist or the front matter is broken.
 */
export function rawFieldText(
  text: string,
  key: string,
  model: ArticleModel = analyzeArticle(text),
): string | null {
  if (model.error || !model.data || !Object.prototype.hasOwnProperty.call(model.data, key))
    return null;
  const pair = yamlPair(model, key);
  const block = model.parts.frontMatter;
  if (pair && block) {
    const base = block.contentRange.from;
    const keyRange = (pair.key as Ranged | null)?.range;
    if (!keyRange) return null;
    let from = base + keyRange[1];
    while (text[from] === ' ' || text[from] === '\t') from++;
    if (text[from] === ':') from++;
    const valueRange = (pair.value as Ranged | null)?.range;
    const end = valueRange
      ? withoutTrailingLineBreak(text, base + valueRange[0], base + valueRange[1])
      : from;
    const source = text.slice(from, Math.max(from, end)).replace(/\r\n/g, '\n');
    const lines = source.split('\n');
    const first = (lines[0] ?? '').trim();
    if (lines.length === 1) return first;
    return (first === '' ? '' : first + '\n') + dedent(lines.slice(1)).replace(/^\n+/, '');
  }
  const value = model.data[key];
  // With the reader's schema, text such as `yes` or `0755` is quoted and a raw edit reads it back.
  return stringify(value, { ...YAML_PARSE_OPTIONS, lineWidth: 0 }).replace(/\n$/, '');
}

/** 1-based line of a top-level field's key; the front matter's first line when it is missing; 0 without front matter. */
export function fieldLine(
  text: string,
  key: string,
  model: ArticleModel = analyzeArticle(text),
): number {
  const block = model.parts.frontMatter;
  if (!block) return 0;
  const base = block.contentRange.from;
  const fallback = block.startLine + 1;
  if (model.syntax === 'yaml') {
    const range = (yamlPair(model, key)?.key as Ranged | null | undefined)?.range;
    return range ? lineColumnAt(text, base + range[0]).line : fallback;
  }
  if (model.syntax === 'json') {
    const member =
      model.root?.kind === 'object' ? model.root.members.find((m) => m.key === key) : undefined;
    return member ? lineColumnAt(text, base + member.keyFrom).line : fallback;
  }
  if (model.syntax === 'toml') {
    const top = scanTomlTopLevel(block.content);
    const entry = top.entries.find((e) => e.path[0] === key);
    if (entry) return lineColumnAt(text, base + entry.lineFrom).line;
    const header = new RegExp(
      `^[ \\t]*\\[\\[?[ \\t]*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?[ \\t]*[\\].]`,
      'm',
    ).exec(block.content);
    return header ? lineColumnAt(text, base + header.index).line : fallback;
  }
  return fallback;
}
