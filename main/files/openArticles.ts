/**
 * Which articles the renderer has open, so the library only reads and hashes those files when
 * they change on disk. Counted, because several windows (or browser tabs) may show one article.
 */
export class OpenArticles {
  private readonly counts = new Map<string, number>();

  add(relativePath: string): void {
    this.counts.set(relativePath, (this.counts.get(relativePath) ?? 0) + 1);
  }

  remove(relativePath: string): void {
    const count = (this.counts.get(relativePath) ?? 0) - 1;
    if (count > 0) this.counts.set(relativePath, count);
    else this.counts.delete(relativePath);
  }

  /** An open article was renamed by Byline: it stays open under its new name. */
  move(from: string, to: string): void {
    const count = this.counts.get(from);
    if (count === undefined) return;
    this.counts.delete(from);
    this.counts.set(to, (this.counts.get(to) ?? 0) + count);
  }

  has(relativePath: string): boolean {
    return this.counts.has(relativePath);
  }

  clear(): void {
    this.counts.clear();
  }
}
