/**
 * Which articles each client (an Electron window, a browser-mode page) has open, so the library
 * only reads and hashes those files when they change on disk. A path counts as open while any
 * client has it open: one window closing an article must not stop another's reload and delete
 * notices. A set per client, not a count: a client re-opens a file to reload it and closes it once.
 */
export class OpenArticles {
  private readonly byClient = new Map<string, Set<string>>();

  add(client: string, relativePath: string): void {
    const paths = this.byClient.get(client) ?? new Set<string>();
    paths.add(relativePath);
    this.byClient.set(client, paths);
  }

  remove(client: string, relativePath: string): void {
    const paths = this.byClient.get(client);
    if (!paths) return;
    paths.delete(relativePath);
    if (paths.size === 0) this.byClient.delete(client);
  }

  /** The client went away (window closed, page unloaded): what it had open is released. */
  release(client: string): void {
    this.byClient.delete(client);
  }

  /** An open article was renamed by Byline: every client that has it follows to its new name. */
  move(from: string, to: string): void {
    for (const paths of this.byClient.values()) if (paths.delete(from)) paths.add(to);
  }

  has(relativePath: string): boolean {
    for (const paths of this.byClient.values()) if (paths.has(relativePath)) return true;
    return false;
  }

  clear(): void {
    this.byClient.clear();
  }
}
