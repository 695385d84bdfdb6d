import type { LocalFrontMatterError } from './frontMatterError';
import { scanJson, type JsonSpan } from './jsonSource';
import { jsonDepthError } from './nestingDepth';

export interface ParsedJson {
  root: JsonSpan | null;
  data: Record<string, unknown> | null;
  error: LocalFrontMatterError | null;
}

/** Parses Hugo's JSON front matter (the whole `{ ... }` object). */
export function parseJsonFrontMatter(content: string): ParsedJson {
  const tooDeep = jsonDepthError(content);
  if (tooDeep) return { root: null, data: null, error: tooDeep };
  const scan = scanJson(content);
  if (!scan.ok) {
    return {
      root: null,
      data: null,
      error: { kind: scan.kind, message: scan.message, offset: scan.offset },
    };
  }
  if (scan.value.kind !== 'object') {
    return {
      root: scan.value,
      data: null,
      error: {
        kind: 'not-a-map',
        message: 'JSON front matter must be an object',
        offset: scan.value.from,
      },
    };
  }
  // The scanner validated the text, so JSON.parse agrees with it and cannot throw here.
  return { root: scan.value, data: JSON.parse(content) as Record<string, unknown>, error: null };
}
