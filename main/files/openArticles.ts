/**
 * Which articles the renderer has open, so the library only reads and hashes those files when
 * they change on disk. A set, not a count: the renderer re-opens a file to reload it and closes
 * it once; Electron has one window (browser mode may show the same article in two tabs, and
 * closing it in one then stops the other's reload notices until it is opened again).
 */
export class OpenArticles {
  private readonly paths = new Set<string>();

  add(relativePath: string): void {
    this.paths.add(relativePath);
  }

  remove(relativePath: string): void {
    this.paths.delete(relativePath);
  }

  /** An open article was renamed by Byline: it stays open under its new name. */
  move(from: string, to: string): void {
    if (this.paths.delete(from)) this.paths.add(to);
  }

  has(relativePath: string): boolean {
    return this.paths.has(relativePath);
  }

  clear(): void {
    this.paths.clear();
  }
}
