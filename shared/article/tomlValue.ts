import { isTomlDateLiteral } from './tomlLexer';

/** TOML basic string: JSON's escapes are TOML's, plus DEL which TOML forbids raw. */
function tomlBasicString(value: string): string {
  return JSON.stringify(value).replace(/\x7f/g, '\\u007F');
}

// eslint-disable-next-line no-control-regex
const LITERAL_UNSAFE = /['\n\r\x00-\x08\x0a-\x1f\x7f]/;

/**
 * Renders a string like the one it replaces: 'literal' stays literal when it can, a date literal
 * stays bare when the new text is still a date, everything else becomes a basic "string".
 */
function renderTomlString(value: string, likeSource: string | undefined): string {
  const like = likeSource ?? '"';
  if (
    !like.startsWith('"') &&
    !like.startsWith("'") &&
    isTomlDateLiteral(like) &&
    isTomlDateLiteral(value)
  )
    return value;
  if (like.startsWith("'") && !like.startsWith("'''") && !LITERAL_UNSAFE.test(value))
    return `'${value}'`;
  return tomlBasicString(value);
}

/** A key: bare when it only uses A-Za-z0-9_-, quoted otherwise. */
export function renderTomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlBasicString(key);
}

export class TomlValueError extends Error {}

/** Any JSON-like value as an inline TOML value. TOML has no null. */
export function renderTomlValue(value: unknown, likeSource?: string): string {
  if (value === null || value === undefined)
    throw new TomlValueError('TOML has no null; remove the field instead');
  if (typeof value === 'string') return renderTomlString(value, likeSource);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => renderTomlValue(item)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, inner]) => `${renderTomlKey(key)} = ${renderTomlValue(inner)}`,
    );
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  throw new TomlValueError(`Cannot write a ${typeof value} in TOML`);
}
