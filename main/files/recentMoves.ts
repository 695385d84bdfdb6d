/** How long a rename is remembered: far longer than a save request takes to arrive. */
const rememberedMs = 60_000;

/**
 * Articles Byline renamed a moment ago (old path -> new path). A window may send a save of the
 * old path before it hears of the rename (`article.moved`): that save goes to the new file,
 * compared against its version there like any save, instead of recreating the old file.
 */
export class RecentMoves {
  private readonly moves = new Map<string, { to: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  record(from: string, to: string): void {
    this.forgetOld();
    this.moves.delete(to);
    this.moves.set(from, { to, at: this.now() });
  }

  /** Where the article at `relativePath` was moved to a moment ago (through later moves), or null. */
  destination(relativePath: string): string | null {
    this.forgetOld();
    let found: string | null = null;
    const seen = new Set<string>();
    for (let at = relativePath; !seen.has(at);) {
      seen.add(at);
      const move = this.moves.get(at);
      if (!move) break;
      found = at = move.to;
    }
    return found === relativePath ? null : found;
  }

  private forgetOld(): void {
    const oldest = this.now() - rememberedMs;
    for (const [from, move] of this.moves) if (move.at < oldest) this.moves.delete(from);
  }
}
