import type { FrontMatterError } from './frontMatterError';
import { planBracketList, type ListItemSource } from './listEdits';
import type { FrontMatterBlock } from './splitArticle';
import { minimalChange, type TextChange } from './textChange';
import { lineColumnAt } from './textPosition';
import { scanTomlTopLevel, type TomlEntry, type TomlTopLevel } from './tomlSource';
import { renderTomlKey, renderTomlValue, TomlValueError } from './tomlValue';

export interface TomlEditTarget {
  text: string;
  block: FrontMatterBlock;
  data: Record<string, unknown>;
  eol: '\n' | '\r\n';
}

type Plan = { change: TextChange | null } | { error: FrontMatterError };

function scan(target: TomlEditTarget): TomlTopLevel {
  return scanTomlTopLevel(target.block.content);
}

function entryFor(top: TomlTopLevel, key: string): TomlEntry | undefined {
  return top.entries.find((entry) => entry.path.length === 1 && entry.path[0] === key);
}

function errorAt(
  target: TomlEditTarget,
  offset: number,
  message: string,
): { error: FrontMatterError } {
  const { line, column } = lineColumnAt(target.text, offset);
  return { error: { kind: 'syntax', message, line, column } };
}

/** A key that exists but not as a plain top-level `key = value` ([table] or dotted keys). */
function notInline(
  target: TomlEditTarget,
  top: TomlTopLevel,
  key: string,
): { error: FrontMatterError } {
  return errorAt(
    target,
    target.block.contentRange.from + top.tablesFrom,
    `"${key}" is a TOML table or dotted key; edit it in the front matter source`,
  );
}

function render(
  target: TomlEditTarget,
  value: unknown,
  likeSource: string | undefined,
): { text: string } | { error: FrontMatterError } {
  try {
    return { text: renderTomlValue(value, likeSource) };
  } catch (error) {
    if (error instanceof TomlValueError)
      return errorAt(target, target.block.contentRange.from, error.message);
    throw error;
  }
}

/** Sets (or adds) a top-level TOML field by splicing only the value's source text. */
export function setTomlField(target: TomlEditTarget, key: string, value: unknown): Plan {
  const top = scan(target);
  const base = target.block.contentRange.from;
  const content = target.block.content;
  const entry = entryFor(top, key);

  if (!entry) {
    if (Object.prototype.hasOwnProperty.call(target.data, key)) return notInline(target, top, key);
    const rendered = render(target, value, undefined);
    if ('error' in rendered) return rendered;
    const last = top.entries[top.entries.length - 1];
    const at = last ? last.lineTo : 0;
    const needsBreak = at > 0 && content[at - 1] !== '\n';
    const line = `${renderTomlKey(key)} = ${rendered.text}${target.eol}`;
    return {
      change: { from: base + at, to: base + at, insert: (needsBreak ? target.eol : '') + line },
    };
  }

  const old = entry.value;
  const oldValue = target.data[key];
  if (
    old.kind === 'array' &&
    Array.isArray(value) &&
    Array.isArray(oldValue) &&
    old.items.length === oldValue.length
  ) {
    const items: ListItemSource[] = old.items.map((item, i) => ({
      from: base + item.from,
      to: base + item.to,
      value: oldValue[i],
    }));
    let failure: { error: FrontMatterError } | null = null;
    const change = planBracketList(
      target.text,
      { open: base + old.from, close: base + old.to - 1, items },
      value,
      (item, like) => {
        const rendered = render(
          target,
          item,
          like ? target.text.slice(like.from, like.to) : undefined,
        );
        if ('error' in rendered) {
          failure = rendered;
          return '';
        }
        return rendered.text;
      },
    );
    return failure ?? { change };
  }
  const rendered = render(target, value, content.slice(old.from, old.to));
  if ('error' in rendered) return rendered;
  return { change: minimalChange(target.text, base + old.from, base + old.to, rendered.text) };
}

/** Removes a top-level TOML field's line(s). */
export function removeTomlField(target: TomlEditTarget, key: string): Plan {
  const top = scan(target);
  const entry = entryFor(top, key);
  if (!entry) {
    return Object.prototype.hasOwnProperty.call(target.data, key)
      ? notInline(target, top, key)
      : { change: null };
  }
  const base = target.block.contentRange.from;
  return { change: minimalChange(target.text, base + entry.lineFrom, base + entry.lineTo, '') };
}
