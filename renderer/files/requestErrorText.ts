/** What the writer was doing when a file request failed: the names its message may mention. */
export interface RequestErrorSubject {
  /** The article or file the request named. */
  path?: string;
  /** A new name the writer typed (create, rename). */
  name?: string;
  /** The file's encoding, as the writer knows it (GB18030, BIG5…). */
  encoding?: string;
}

/** Main's error code: the transports put it in a rejected request's `name`. */
export function errorCode(error: unknown): string {
  return error instanceof Error && error.name !== 'Error' ? error.name : 'internal';
}

/**
 * Main's error for a file request in the writer's language, from its code (a rejected request's
 * error, or the code of an error result); main's own sentence is English and is never shown.
 */
export function requestErrorText(
  t: (key: string, values: Record<string, string>) => string,
  exists: (key: string) => boolean,
  error: unknown,
  subject: RequestErrorSubject = {},
): string {
  const code = typeof error === 'string' ? error : errorCode(error);
  const values = {
    path: subject.path ?? '',
    name: subject.name ?? subject.path ?? '',
    encoding: subject.encoding ?? '',
    code,
  };
  const key = `files.requestErrors.${code}`;
  return exists(key) ? t(key, values) : t('files.requestErrors.other', values);
}
