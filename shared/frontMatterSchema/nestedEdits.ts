import { isMap, isScalar, type Pair } from 'yaml';
import {
  applyChanges,
  planSetField,
  planSetFieldRaw,
  type EditPlan,
  type FieldValue,
} from '../article';
import { analyzeArticle } from '../article/frontMatter';
import { planJsonArray } from '../article/jsonFieldEdits';
import type { JsonSpan } from '../article/jsonSource';
import { sameValue } from '../article/sameValue';
import { minimalChange, type TextChange } from '../article/textChange';
import { setExistingYamlField } from '../article/yamlFieldEdits';
import { renderYamlFlowValue } from '../article/yamlScalar';
import { isPlainObject } from './inferSchema';

export function valueAt(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const key of path) {
    if (!isPlainObject(current) || !Object.prototype.hasOwnProperty.call(current, key))
      return undefined;
    current = current[key];
  }
  return current;
}

function withValueAt(data: unknown, path: readonly string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const copy = isPlainObject(data) ? { ...data } : {};
  copy[key] = withValueAt(copy[key], rest, value);
  return copy;
}

function jsonSpanAt(root: JsonSpan | null, path: readonly string[]): JsonSpan | null {
  let span = root;
  for (const key of path) {
    if (span?.kind !== 'object') return null;
    span = span.members.find((member) => member.key === key)?.value ?? null;
  }
  return span;
}

/** A nested JSON value spliced in place: a scalar's text, or a list's items. */
function jsonNestedChange(
  text: string,
  base: number,
  span: JsonSpan,
  old: unknown,
  value: FieldValue,
): TextChange | null | undefined {
  if (span.kind === 'scalar' && !Array.isArray(value))
    return minimalChange(text, base + span.from, base + span.to, JSON.stringify(value));
  if (
    span.kind === 'array' &&
    Array.isArray(value) &&
    Array.isArray(old) &&
    old.length === span.items.length
  )
    return planJsonArray(text, base, span, old, value);
  return undefined;
}

const notEditable = (text: string, path: readonly string[]): EditPlan => {
  const model = analyzeArticle(text);
  const line = model.parts.frontMatter ? model.parts.frontMatter.startLine + 1 : 1;
  return {
    error: {
      kind: 'syntax',
      message: `"${path.join('.')}" cannot be edited in the form; edit it as YAML`,
      line,
      column: 1,
    },
  };
};

/**
 * Plans setting a value inside a nested map (`params.author`). In YAML only that value's source
 * changes (comments and the rest of the map stay); a flow map, TOML inline table or JSON object is
 * rewritten in its own format with its other values kept. The result is checked by parsing it.
 */
export function planSetNestedField(
  text: string,
  path: readonly string[],
  value: FieldValue,
): EditPlan {
  const [top, ...inner] = path;
  if (top === undefined) return { changes: [] };
  if (inner.length === 0) return planSetField(text, top, value);
  const model = analyzeArticle(text);
  if (model.error) return { error: model.error };
  if (!model.data || !model.parts.frontMatter) return notEditable(text, path);
  const old = valueAt(model.data, path);
  if (old === undefined) return notEditable(text, path);
  if (sameValue(old, value)) return { changes: [] };
  const expected = withValueAt(model.data, path, value);

  const verify = (plan: EditPlan): EditPlan => {
    if ('error' in plan) return plan;
    const after = analyzeArticle(applyChanges(text, plan.changes));
    return !after.error && sameValue(after.data, expected) ? plan : notEditable(text, path);
  };

  if (model.syntax === 'yaml') {
    const topNode = model.doc.get(top, true);
    const parent = model.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1] as string;
    const pair = isMap(parent)
      ? (parent.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === last)
      : undefined;
    if (pair && !(isMap(topNode) && topNode.flow)) {
      const change = setExistingYamlField(
        { text, block: model.parts.frontMatter, doc: model.doc, eol: model.parts.eol },
        pair,
        value,
        old,
      );
      return verify({ changes: change ? [change] : [] });
    }
    if (!(isMap(topNode) && topNode.flow)) return notEditable(text, path);
  }
  if (model.syntax === 'json') {
    const span = jsonSpanAt(model.root, path);
    const change = span
      ? jsonNestedChange(text, model.parts.frontMatter.contentRange.from, span, old, value)
      : undefined;
    if (change !== undefined) return verify({ changes: change ? [change] : [] });
  }
  return verify(
    planSetFieldRaw(
      text,
      top,
      renderYamlFlowValue(expected && (expected as Record<string, unknown>)[top]),
    ),
  );
}
