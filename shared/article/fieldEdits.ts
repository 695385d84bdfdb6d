import { isMap, isScalar, isSeq } from 'yaml';
import { analyzeArticle, type ArticleModel } from './frontMatter';
import type { FrontMatterError } from './frontMatterError';
import { setJsonField, removeJsonField, type JsonEditTarget } from './jsonFieldEdits';
import { sameValue } from './sameValue';
import type { FrontMatterBlock } from './splitArticle';
import { applyChanges, type TextChange } from './textChange';
import { lineColumnAt } from './textPosition';
import { removeTomlField, setTomlField, type TomlEditTarget } from './tomlFieldEdits';
import {
  addYamlField,
  findPair,
  materializeAliasesInto,
  pairIndent,
  removeYamlField,
  renderYamlValueText,
  replaceWholeValue,
  setExistingYamlField,
  type YamlEditTarget,
} from './yamlFieldEdits';
import { parseYamlValue } from './yamlFrontMatter';
import { renderYamlKey } from './yamlScalar';

export { applyChanges } from './textChange';
export type { TextChange } from './textChange';

/** What the front matter form writes. Nested maps go through planSetFieldRaw. */
export type FieldValue = string | number | boolean | null | readonly string[];

/** Changes against the original text, ready to be dispatched as ONE CodeMirror transaction. */
export type EditPlan = { changes: TextChange[] } | { error: FrontMatterError };

const NO_CHANGES: EditPlan = { changes: [] };

function plan(
  change: TextChange | null,
  alongside: readonly TextChange[] = [],
): { changes: TextChange[] } {
  return { changes: change ? [change, ...alongside] : [] };
}

/** An article whose front matter can be edited: parsed, no errors, a map. */
type Editable = ArticleModel & {
  parts: { frontMatter: FrontMatterBlock };
  data: Record<string, unknown>;
};

function editable(model: ArticleModel): model is Editable {
  return model.error === null && model.data !== null && model.parts.frontMatter !== null;
}

function yamlTarget(text: string, model: Editable): YamlEditTarget | null {
  return model.syntax === 'yaml'
    ? { text, block: model.parts.frontMatter, doc: model.doc, eol: model.parts.eol }
    : null;
}

function tomlTarget(text: string, model: Editable): TomlEditTarget {
  return { text, block: model.parts.frontMatter, data: model.data, eol: model.parts.eol };
}

function jsonTarget(text: string, model: Editable): JsonEditTarget | null {
  if (model.syntax !== 'json' || model.root?.kind !== 'object') return null;
  return {
    text,
    root: model.root,
    base: model.parts.frontMatter.contentRange.from,
    data: model.data,
    eol: model.parts.eol,
  };
}

/** Sets any JSON-like value; the public entry points narrow what they accept. */
function setValue(text: string, model: Editable, key: string, value: unknown): EditPlan {
  if (model.syntax === 'toml') {
    const result = setTomlField(tomlTarget(text, model), key, value);
    return 'error' in result ? result : plan(result.change);
  }
  const json = jsonTarget(text, model);
  if (json) return plan(setJsonField(json, key, value));
  const yaml = yamlTarget(text, model);
  if (!yaml) return NO_CHANGES;
  const pair = findPair(yaml, key);
  if (pair)
    return plan(
      setExistingYamlField(yaml, pair, value, model.data[key]),
      materializeAliasesInto(yaml, pair.value),
    );
  return plan(
    addYamlField(yaml, key, (keyIndent, inFlow) =>
      renderYamlValueText(yaml, value, keyIndent, inFlow),
    ),
  );
}

/**
 * Plans setting one top-level field. Only that value's source range changes (quote style, list
 * style and indentation kept); a missing field is appended at the end of the front matter; an
 * article without front matter gets a YAML block. Setting the current value plans no change.
 */
export function planSetField(text: string, key: string, value: FieldValue): EditPlan {
  const model = analyzeArticle(text);
  if (model.error) return { error: model.error };
  if (!model.parts.frontMatter) return createFrontMatter(text, { [key]: value });
  if (!editable(model)) return NO_CHANGES;
  if (Object.prototype.hasOwnProperty.call(model.data, key) && sameValue(model.data[key], value))
    return NO_CHANGES;
  return setValue(text, model, key, value);
}

/** Plans removing one top-level field: its lines (YAML, TOML) or its member (JSON). */
export function planRemoveField(text: string, key: string): EditPlan {
  const model = analyzeArticle(text);
  if (model.error) return { error: model.error };
  if (!editable(model) || !Object.prototype.hasOwnProperty.call(model.data, key)) return NO_CHANGES;
  if (model.syntax === 'toml') {
    const result = removeTomlField(tomlTarget(text, model), key);
    return 'error' in result ? result : plan(result.change);
  }
  const json = jsonTarget(text, model);
  if (json) return plan(removeJsonField(json, key));
  const yaml = yamlTarget(text, model);
  const pair = yaml && findPair(yaml, key);
  return yaml && pair
    ? plan(removeYamlField(yaml, pair), materializeAliasesInto(yaml, pair.value))
    : NO_CHANGES;
}

/** A raw value is block-shaped when it needs its own indented lines under `key:`. */
function isBlockShaped(source: string, contents: unknown): boolean {
  if (source.includes('\n')) return true;
  if ((isMap(contents) || isSeq(contents)) && !contents.flow) return true;
  return (
    isScalar(contents) && (contents.type === 'BLOCK_LITERAL' || contents.type === 'BLOCK_FOLDED')
  );
}

/**
 * Plans replacing one field with raw YAML text (for nested maps and other values the form does
 * not know). `yamlText` is the value as written after `key:`, unindented, e.g. "a: 1\nb: [x, y]".
 * In TOML and JSON front matter the parsed value is written in that format instead. Errors in
 * `yamlText` itself are positioned within `yamlText`.
 */
export function planSetFieldRaw(text: string, key: string, yamlText: string): EditPlan {
  const parsed = parseYamlValue(yamlText);
  if (parsed.error) {
    const { line, column } = lineColumnAt(yamlText, parsed.error.offset);
    return { error: { kind: parsed.error.kind, message: parsed.error.message, line, column } };
  }
  const model = analyzeArticle(text);
  if (model.error) return { error: model.error };
  if (!model.parts.frontMatter) {
    // Create the block, add the field to it, and express both as one insertion into `text`.
    const created = createFrontMatter(text, {});
    if ('error' in created) return created;
    const withBlock = applyChanges(text, created.changes);
    const inner = planSetFieldRaw(withBlock, key, yamlText);
    if ('error' in inner) return inner;
    const final = applyChanges(withBlock, inner.changes);
    const at = model.parts.bom.length;
    return {
      changes: [{ from: at, to: at, insert: final.slice(at, at + final.length - text.length) }],
    };
  }
  if (!editable(model)) return NO_CHANGES;
  const yaml = yamlTarget(text, model);
  if (!yaml) return setValue(text, model, key, parsed.value);

  const source = yamlText.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\s+$/, '');
  const valueText = (keyIndent: string): string => {
    if (source === '') return '';
    if (!isBlockShaped(source, parsed.doc.contents)) return ' ' + source;
    const childIndent = keyIndent + '  ';
    return source
      .split(/\r?\n/)
      .map((line) => yaml.eol + (line.trim() === '' ? '' : childIndent + line))
      .join('');
  };
  const pair = findPair(yaml, key);
  const change = pair
    ? replaceWholeValue(yaml, pair, valueText(pairIndent(yaml, pair)))
    : addYamlField(yaml, key, (keyIndent) => valueText(keyIndent));
  const result = plan(change, pair ? materializeAliasesInto(yaml, pair.value) : []);
  // The spliced text must still parse; report the problem rather than corrupt the article.
  const after = analyzeArticle(applyChanges(text, result.changes));
  return after.error ? { error: after.error } : result;
}

/**
 * Plans adding a YAML front matter block at the top of an article that has none. Returns no
 * changes when one exists, and the split error when an opened block is never closed.
 */
export function createFrontMatter(
  text: string,
  fields: Readonly<Record<string, FieldValue>> = {},
): EditPlan {
  const model = analyzeArticle(text);
  if (model.parts.error) return { error: model.parts.error };
  if (model.parts.frontMatter) return NO_CHANGES;
  const { bom, eol, body } = model.parts;
  let lines = '';
  for (const [key, value] of Object.entries(fields)) {
    lines += `${renderYamlKey(key)}:${renderYamlValueText(null, value, '', false, eol)}${eol}`;
  }
  const separator = body === '' || body.startsWith('\n') || body.startsWith('\r\n') ? '' : eol;
  return {
    changes: [
      { from: bom.length, to: bom.length, insert: `---${eol}${lines}---${eol}${separator}` },
    ],
  };
}
