import { isMap, isScalar, type Pair } from 'yaml';
import {
  applyChanges,
  planRemoveField,
  planSetField,
  planSetFieldRaw,
  type EditPlan,
  type FieldValue,
} from '../article';
import { analyzeArticle } from '../article/frontMatter';
import { sameValue } from '../article/sameValue';
import { minimalChange } from '../article/textChange';
import { withoutTrailingLineBreak } from '../article/textPosition';
import { parseYamlValue } from '../article/yamlFrontMatter';
import { renderYamlScalar, type YamlScalarStyle } from '../article/yamlScalar';
import { planSetNestedField } from './nestedEdits';

/** What the form asks for; planFormEdit turns it into text changes against the current text. */
export type FormEdit =
  | {
      kind: 'set';
      /** `['title']`, or a path into a nested map: `['params', 'author']`. */
      path: readonly string[];
      value: FieldValue;
      /**
       * YAML quoting to prefer for a text value: the style the field had when the writer started
       * typing, so a value that needed quotes for a moment ("2025", "abc ") goes back to plain.
       */
      style?: YamlScalarStyle;
    }
  | { kind: 'raw'; key: string; yaml: string }
  | { kind: 'remove'; key: string };

type Ranged = { range?: [number, number, number] | null };
const INLINE_STYLES: readonly string[] = ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'];

function topLevelScalar(text: string, key: string) {
  const model = analyzeArticle(text);
  if (
    model.error ||
    model.syntax !== 'yaml' ||
    !model.parts.frontMatter ||
    !isMap(model.doc.contents)
  )
    return null;
  if (model.doc.contents.flow) return null;
  const pair = (model.doc.contents.items as Pair[]).find(
    (p) => isScalar(p.key) && String(p.key.value) === key,
  );
  const node = pair?.value;
  if (!isScalar(node) || !INLINE_STYLES.includes(String(node.type))) return null;
  const range = (node as Ranged).range;
  if (!range) return null;
  const base = model.parts.frontMatter.contentRange.from;
  const from = base + range[0];
  const to = withoutTrailingLineBreak(text, from, base + range[1]);
  if (from === to || text.slice(from, to).includes('\n')) return null;
  return { model, node, from, to, eol: model.parts.eol };
}

/** The quoting of a top-level YAML text value as written (PLAIN, QUOTE_SINGLE, ...); null otherwise. */
export function yamlScalarStyle(text: string, key: string): YamlScalarStyle | null {
  const found = topLevelScalar(text, key);
  return found ? (found.node.type as YamlScalarStyle) : null;
}

/** Sets a one-line top-level YAML text value in the preferred style (when YAML allows it there). */
function planStyledScalar(
  text: string,
  key: string,
  value: string,
  style: YamlScalarStyle,
): EditPlan | null {
  if (value.includes('\n') || !INLINE_STYLES.includes(style)) return null;
  const found = topLevelScalar(text, key);
  if (!found) return null;
  if (sameValue(found.model.data?.[key], value) && found.node.type === style)
    return { changes: [] };
  const rendered = renderYamlScalar(value, {
    style,
    context: 'map-value',
    indent: '  ',
    eol: found.eol,
  });
  const change = minimalChange(text, found.from, found.to, rendered);
  const plan = { changes: change ? [change] : [] };
  const after = analyzeArticle(applyChanges(text, plan.changes));
  return !after.error && sameValue(after.data?.[key], value) ? plan : null;
}

/** Plans one form edit against the current text: changes for ONE editor transaction, or the reason it cannot be made. */
export function planFormEdit(text: string, edit: FormEdit): EditPlan {
  switch (edit.kind) {
    case 'remove':
      return planRemoveField(text, edit.key);
    case 'raw': {
      // TOML and JSON are rewritten from the parsed value: an unchanged value must not reformat them.
      const model = analyzeArticle(text);
      if (model.syntax === 'toml' || model.syntax === 'json') {
        const parsed = parseYamlValue(edit.yaml);
        if (!parsed.error && model.data && sameValue(model.data[edit.key], parsed.value))
          return { changes: [] };
      }
      return planSetFieldRaw(text, edit.key, edit.yaml);
    }
    case 'set': {
      const [key, ...rest] = edit.path;
      if (key === undefined) return { changes: [] };
      if (rest.length > 0) return planSetNestedField(text, edit.path, edit.value);
      if (edit.style && typeof edit.value === 'string') {
        const styled = planStyledScalar(text, key, edit.value, edit.style);
        if (styled) return styled;
      }
      return planSetField(text, key, edit.value);
    }
  }
}
