import { planBracketList, type ListItemSource } from './listEdits';
import type { JsonMember, JsonSpan } from './jsonSource';
import { minimalChange, type TextChange } from './textChange';
import { lineStartAt } from './textPosition';

export interface JsonEditTarget {
  text: string;
  /** The front matter object; offsets are relative to `base`. */
  root: Extract<JsonSpan, { kind: 'object' }>;
  base: number;
  data: Record<string, unknown>;
  eol: '\n' | '\r\n';
}

/** Indentation unit of the object (from its first member), or null when it is written on one line. */
function indentUnit(target: JsonEditTarget): string | null {
  const first = target.root.members[0];
  if (!first) return null;
  const between = target.text.slice(
    target.base + target.root.from + 1,
    target.base + first.keyFrom,
  );
  if (!between.includes('\n')) return null;
  return /[ \t]*$/.exec(between)?.[0] ?? '  ';
}

/** JSON for a value placed at `lineIndent`: nested containers pretty-printed like the file. */
function renderJson(target: JsonEditTarget, value: unknown, lineIndent: string): string {
  const unit = indentUnit(target);
  if (unit === null || typeof value !== 'object' || value === null) return JSON.stringify(value);
  return JSON.stringify(value, null, unit).replace(/\n/g, target.eol + lineIndent);
}

function memberIndent(target: JsonEditTarget, member: JsonMember): string {
  const keyAt = target.base + member.keyFrom;
  return /^[ \t]*/.exec(target.text.slice(lineStartAt(target.text, keyAt), keyAt))?.[0] ?? '';
}

/**
 * A JSON array edited item by item in its own source text (`span` offsets relative to `base`):
 * unchanged items and separators keep their bytes.
 */
export function planJsonArray(
  text: string,
  base: number,
  span: Extract<JsonSpan, { kind: 'array' }>,
  oldValues: readonly unknown[],
  newValues: readonly unknown[],
): TextChange | null {
  const items: ListItemSource[] = span.items.map((item, i) => ({
    from: base + item.from,
    to: base + item.to,
    value: oldValues[i],
  }));
  return planBracketList(
    text,
    { open: base + span.from, close: base + span.to - 1, items },
    newValues,
    (item) => JSON.stringify(item),
  );
}

/** Sets (or adds) a top-level JSON field, splicing only the value's source text. */
export function setJsonField(
  target: JsonEditTarget,
  key: string,
  value: unknown,
): TextChange | null {
  const { root, base, text } = target;
  const member = root.members.find((m) => m.key === key);
  if (member) {
    const old = member.value;
    const oldValue = target.data[key];
    if (old.kind === 'array' && Array.isArray(value) && Array.isArray(oldValue))
      return planJsonArray(text, base, old, oldValue, value);
    return minimalChange(
      text,
      base + old.from,
      base + old.to,
      renderJson(target, value, memberIndent(target, member)),
    );
  }

  const last = root.members[root.members.length - 1];
  if (!last) {
    const unit = '  ';
    const inner = `${target.eol}${unit}${JSON.stringify(key)}: ${JSON.stringify(value)}${target.eol}`;
    return minimalChange(text, base + root.from + 1, base + root.to - 1, inner);
  }
  const previous = root.members[root.members.length - 2];
  // Copy the file's own separator and colon spacing.
  const separator = previous
    ? text.slice(base + previous.value.to, base + last.keyFrom)
    : ',' + (text.slice(base + root.from + 1, base + last.keyFrom) || ' ');
  const colon = text.slice(base + last.keyTo, base + last.value.from);
  const insert = `${separator}${JSON.stringify(key)}${colon}${renderJson(target, value, memberIndent(target, last))}`;
  const at = base + last.value.to;
  return { from: at, to: at, insert };
}

/** Removes a top-level JSON field together with one separating comma. */
export function removeJsonField(target: JsonEditTarget, key: string): TextChange | null {
  const { root, base, text } = target;
  const index = root.members.findIndex((m) => m.key === key);
  const member = root.members[index];
  if (!member) return null;
  const next = root.members[index + 1];
  const previous = root.members[index - 1];
  if (next) return minimalChange(text, base + member.keyFrom, base + next.keyFrom, '');
  if (previous) return minimalChange(text, base + previous.value.to, base + member.value.to, '');
  return minimalChange(text, base + root.from + 1, base + root.to - 1, '');
}
