import { parse, TomlError } from 'smol-toml';
import type { LocalFrontMatterError } from './frontMatterError';
import { tomlDepthError } from './nestingDepth';
import { offsetAt } from './textPosition';
import { quoteTomlDates } from './tomlLexer';

export interface ParsedToml {
  data: Record<string, unknown> | null;
  error: LocalFrontMatterError | null;
}

/** Plain objects and strings only: no null-prototype tables, no Date subclasses left behind. */
function toPlain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: toPlain(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

function errorOf(content: string, error: unknown): LocalFrontMatterError {
  if (error instanceof TomlError) {
    const message = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    return {
      kind: /redefine|already defined/i.test(message) ? 'duplicate-key' : 'syntax',
      message,
      offset: offsetAt(content, error.line, error.column),
    };
  }
  return { kind: 'syntax', message: String((error as Error).message), offset: 0 };
}

/**
 * Parses TOML front matter. The original text is parsed first so error positions are exact; the
 * data comes from a copy with dates quoted, so every date is the string the writer typed.
 */
export function parseTomlFrontMatter(content: string): ParsedToml {
  const tooDeep = tomlDepthError(content);
  if (tooDeep) return { data: null, error: tooDeep };
  try {
    parse(content);
  } catch (error) {
    return { data: null, error: errorOf(content, error) };
  }
  let data: unknown;
  try {
    data = parse(quoteTomlDates(content));
  } catch {
    data = parse(content); // Defensive: quoting should never break a valid document.
  }
  return { data: toPlain(data) as Record<string, unknown>, error: null };
}
