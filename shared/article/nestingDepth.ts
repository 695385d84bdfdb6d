import type { LocalFrontMatterError } from './frontMatterError';
import { skipTomlComment, skipTomlString } from './tomlLexer';

/**
 * Front matter deeper than this is refused before any parser sees it. The JSON scanner, the `yaml`
 * package and our TOML conversion recurse once per level: 20,000 levels (40 KB of `[`) overflowed
 * the stack and threw a RangeError out of parseArticle. Real front matter nests two or three deep.
 */
export const MAX_FRONT_MATTER_DEPTH = 100;

const tooDeep = (offset: number): LocalFrontMatterError => ({
  kind: 'syntax',
  message: `Front matter is nested more than ${MAX_FRONT_MATTER_DEPTH} levels deep`,
  offset,
});

/** JSON: `[` and `{` outside strings. One pass. */
export function jsonDepthError(text: string): LocalFrontMatterError | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (char === '[' || char === '{') {
      if (++depth > MAX_FRONT_MATTER_DEPTH) return tooDeep(i);
    } else if (char === ']' || char === '}') {
      depth--;
    }
  }
  return null;
}

/**
 * TOML: arrays and inline tables, plus the tables a dotted key or table header opens (`a.b.c = 1`
 * nests three deep). Dots in values (floats) count too until the next `,` or line: an overcount
 * of a level or two that no real document comes near the limit with. One pass.
 */
export function tomlDepthError(text: string): LocalFrontMatterError | null {
  let brackets = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'") {
      i = skipTomlString(text, i) - 1;
    } else if (char === '#') {
      i = skipTomlComment(text, i) - 1;
    } else if (char === '[' || char === '{') {
      brackets++;
    } else if (char === ']' || char === '}') {
      brackets--;
    } else if (char === '.') {
      dots++;
    } else if (char === '=' || char === ',' || char === '\n') {
      dots = 0;
    }
    if (brackets + dots > MAX_FRONT_MATTER_DEPTH) return tooDeep(i);
  }
  return null;
}

const yamlQuoteMayStartAfter = new Set(['', ':', '-', '?', '[', '{', ',']);

/**
 * YAML: flow collections (`[`, `{`), compact block entries on one line (`- - - x` nests three
 * deep) and block indentation (a stack of indents, as a tokenizer keeps for Python). Quotes count
 * only where a quoted scalar may start, so an apostrophe in plain text hides nothing. One pass.
 */
export function yamlDepthError(text: string): LocalFrontMatterError | null {
  const indents: number[] = [];
  let flow = 0;
  let offset = 0;
  let quote: string | null = null;
  for (const line of text.split('\n')) {
    let i = 0;
    if (quote === null && flow === 0) {
      while (line[i] === ' ') i++;
      const blank = i === line.length || line[i] === '#' || line[i] === '\r';
      if (!blank) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= i) indents.pop();
        indents.push(i);
      }
    }
    let compact = 0;
    let previous = '';
    for (; i < line.length; i++) {
      const char = line[i] as string;
      if (quote !== null) {
        if (char === '\\' && quote === '"') i++;
        else if (char === quote) quote = null;
        continue;
      }
      if (char === ' ' || char === '\t') continue;
      if (char === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if ((char === '"' || char === "'") && yamlQuoteMayStartAfter.has(previous)) quote = char;
      else if (char === '[' || char === '{') flow++;
      else if (char === ']' || char === '}') flow = Math.max(0, flow - 1);
      else if (
        (char === '-' || char === '?') &&
        (previous === '' || previous === '-' || previous === '?')
      ) {
        const next = line[i + 1];
        if (next === undefined || next === ' ' || next === '\t') compact++;
      }
      previous = char;
      if (indents.length + compact + flow > MAX_FRONT_MATTER_DEPTH) return tooDeep(offset + i);
    }
    offset += line.length + 1;
  }
  return null;
}
