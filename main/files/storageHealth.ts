import type { EventSink, StorageArea } from '../../shared/ipc/contract';

/**
 * Whether the crash journal and local history can be written. Their failures never fail a save,
 * so without this a full or read-only data folder would silently turn both off: the first failure
 * of an area sends `storage.warning` with a sentence to show, the first success after it clears it.
 */
export class StorageHealth {
  private readonly failing = new Set<StorageArea>();

  constructor(private readonly emit: EventSink = () => {}) {}

  ok(area: StorageArea): void {
    if (!this.failing.delete(area)) return;
    this.emit('storage.warning', { area, problem: null });
  }

  failed(area: StorageArea, error: unknown): void {
    console.error(`[byline] ${area} could not be written`, error);
    if (this.failing.has(area)) return;
    this.failing.add(area);
    const code = (error as NodeJS.ErrnoException | null)?.code ?? 'EIO';
    this.emit('storage.warning', { area, problem: { code, message: describe(area, code) } });
  }

  /** Runs `task`, recording its outcome for `area`; rethrows its error. */
  async track<T>(area: StorageArea, task: () => Promise<T>): Promise<T> {
    try {
      const result = await task();
      this.ok(area);
      return result;
    } catch (error) {
      this.failed(area, error);
      throw error;
    }
  }
}

function describe(area: StorageArea, code: string): string {
  const what =
    area === 'journal'
      ? 'Crash recovery is off: Byline cannot write its journal of unsaved changes'
      : 'Version history is off: Byline cannot write snapshots of your articles';
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'because the disk holding its data folder is full'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'because its data folder is read-only'
        : `(${code})`;
  return `${what} ${why}. Your articles still save normally; save often until this is fixed.`;
}
