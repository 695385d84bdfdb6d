import { lineColumnAt } from './textPosition';

export type FrontMatterErrorKind =
  'syntax' | 'unclosed' | 'duplicate-key' | 'forbidden-engine' | 'not-a-map';

/** A problem in the front matter. `line`/`column` are 1-based in the WHOLE file. */
export interface FrontMatterError {
  kind: FrontMatterErrorKind;
  message: string;
  line: number;
  column: number;
}

/** Throwable carrier of a FrontMatterError, used where a callback API can only signal by throwing. */
export class FrontMatterFailure extends Error {
  readonly detail: FrontMatterError;

  constructor(detail: FrontMatterError) {
    super(detail.message);
    this.name = 'FrontMatterFailure';
    this.detail = detail;
  }
}

/** An error located by offset inside the front matter's own text, before it is placed in the file. */
export interface LocalFrontMatterError {
  kind: FrontMatterErrorKind;
  message: string;
  offset: number;
}

/** Places a local error into the whole file: `base` is where the parsed text starts. */
export function placeError(
  text: string,
  base: number,
  local: LocalFrontMatterError,
): FrontMatterError {
  const { line, column } = lineColumnAt(text, base + local.offset);
  return { kind: local.kind, message: local.message, line, column };
}
