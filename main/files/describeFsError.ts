/** File-system errors as sentences a writer can act on; the code stays for tests and logs. */
export function describeFsError(
  error: NodeJS.ErrnoException,
  displayPath: string,
): { code: string; message: string } {
  const code = error.code ?? 'EIO';
  const messages: Record<string, string> = {
    ENOSPC: `The disk is full, so "${displayPath}" was not saved. Your text is still in Byline and the file on disk is unchanged. Free some space and save again.`,
    EDQUOT: `Your disk quota is used up, so "${displayPath}" was not saved. The file on disk is unchanged.`,
    EACCES: `Byline has no permission to write "${displayPath}". The file on disk is unchanged; use Save As to keep your text elsewhere.`,
    EPERM: `The system refused to write "${displayPath}". The file on disk is unchanged; use Save As to keep your text elsewhere.`,
    EROFS: `"${displayPath}" is on a read-only disk. The file is unchanged; use Save As to keep your text elsewhere.`,
    ENOENT: `The folder of "${displayPath}" no longer exists.`,
    EISDIR: `"${displayPath}" is a folder, not an article.`,
  };
  return {
    code,
    message:
      messages[code] ?? `Could not save "${displayPath}" (${code}). The file on disk is unchanged.`,
  };
}

/** Errors while opening a file, as sentences; nothing was changed on disk by a failed open. */
export function describeReadError(
  error: NodeJS.ErrnoException,
  displayPath: string,
): { code: string; message: string } {
  const code = error.code ?? 'EIO';
  const messages: Record<string, string> = {
    ENOENT: `"${displayPath}" no longer exists. It may have been moved, renamed or deleted outside Byline.`,
    EACCES: `Byline has no permission to read "${displayPath}".`,
    EPERM: `The system refused to let Byline read "${displayPath}".`,
    EISDIR: `"${displayPath}" is a folder, not an article.`,
    EMFILE: `Too many files are open to read "${displayPath}" right now. Try again in a moment.`,
  };
  return { code, message: messages[code] ?? `Could not read "${displayPath}" (${code}).` };
}
