/**
 * How a sandboxed preload runs in the stand-in's Chromium page: before the page's own scripts,
 * in the top frame only, with `require('electron')` giving an `ipcRenderer` wired to ipcMain
 * through a Playwright binding (which knows the calling frame, so main sees the real sender) and a
 * `contextBridge`. Chromium offers no isolated world to an outside harness, so the exposed object
 * lives in the page's world; the binding itself is taken off `window` before the page runs.
 */
export const ipcBindingName = '__electronStandInIpc';
export const deliverName = '__electronStandInDeliver';
export const osDropName = '__electronStandInOsDrop';

type Binding = (message: { channel: string; args: unknown[] }) => Promise<unknown>;

// Runs in the page: plain JavaScript after transpiling, no closures over this module.
function sandboxRequire(
  bindingName: string,
  deliverKey: string,
  osDropKey: string,
): ((id: string) => unknown) | null {
  const scope = globalThis as unknown as Record<string, unknown>;
  const binding = scope[bindingName] as Binding | undefined;
  delete scope[bindingName];
  if (window !== window.top || !binding) return null;
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  Object.defineProperty(scope, deliverKey, {
    value: (channel: string, args: unknown[]) => {
      for (const listener of [...(listeners.get(channel) ?? [])])
        listener({ sender: ipcRenderer }, ...args);
    },
  });
  // Files "from the OS": Electron knows a path only for these, never for a File the page makes.
  const osFiles = new WeakMap<File, string>();
  Object.defineProperty(scope, osDropKey, {
    value: (drop: { path: string; name: string; bytes: number[]; selector: string }) => {
      const file = new File([new Uint8Array(drop.bytes)], drop.name);
      osFiles.set(file, drop.path);
      const transfer = new DataTransfer();
      transfer.items.add(file);
      const target = document.querySelector(drop.selector);
      if (!target) throw new Error(`nothing to drop on at ${drop.selector}`);
      const box = target.getBoundingClientRect();
      const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer, ...at }),
        );
    },
  });
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => binding({ channel, args }),
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      Object.defineProperty(scope, key, { value: api, enumerable: true });
    },
  };
  // A sandboxed preload's require knows only a few modules; Byline's needs just 'electron'.
  return (id: string): unknown => {
    // Electron answers '' for a File the page made itself.
    const webUtils = { getPathForFile: (file: File) => osFiles.get(file) ?? '' };
    if (id === 'electron') return { ipcRenderer, contextBridge, webUtils };
    throw new Error(`module not found: ${id}`);
  };
}

/** The preload file's own text, wrapped as CommonJS (inline: the page's CSP forbids eval). */
export function preloadInitScript(preloadSource: string): string {
  const args = [ipcBindingName, deliverName, osDropName]
    .map((value) => JSON.stringify(value))
    .join(', ');
  return [
    `(() => { const require = (${sandboxRequire.toString()})(${args}); if (!require) return;`,
    'const module = { exports: {} };',
    '(function (require, module, exports) {',
    preloadSource,
    '}).call(undefined, require, module, module.exports); })();',
  ].join('\n');
}

/** Delivers one `webContents.send` to the page's ipcRenderer listeners. */
export function deliverInPage({ channel, args }: { channel: string; args: unknown[] }): void {
  const deliver = (globalThis as unknown as Record<string, unknown>)['__electronStandInDeliver'] as
    ((channel: string, args: unknown[]) => void) | undefined;
  deliver?.(channel, args);
}

/** Drops a file from disk on the element at `selector`, as the OS does: Electron knows its path. */
export function dropFromOs(drop: {
  path: string;
  name: string;
  bytes: number[];
  selector: string;
}): void {
  const osDrop = (globalThis as unknown as Record<string, unknown>)['__electronStandInOsDrop'] as
    ((value: typeof drop) => void) | undefined;
  if (!osDrop) throw new Error('No stand-in preload in this page');
  osDrop(drop);
}
