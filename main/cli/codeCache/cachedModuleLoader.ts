import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { CodeCacheEntry, CodeCacheStore } from './codeCacheStore';

/** What became of a module's code cache in this run. */
export type CodeCacheOutcome =
  /** V8 took the cached code: nothing of the module was compiled from source. */
  | 'used'
  /** There was an entry and V8 refused it (another V8 or other flags): compiled, written again. */
  | 'rejected'
  /** No usable entry (none yet, or a damaged one): compiled from source, written after the run. */
  | 'missing'
  /** No cache for this process. */
  | 'off';

interface LoadedScript {
  file: string;
  script: vm.Script;
  entry: CodeCacheEntry | null;
  outcome: CodeCacheOutcome;
}

interface CommonJsModule {
  exports: unknown;
}

/**
 * Runs the command line tool's CommonJS modules (its build, dist/main/cli-chunks/) through
 * `vm.Script` with V8's cached code, which Node's own loaders do not offer on Node 20. Compiling
 * the code is most of a short command's time, and a cache made after the command ran also holds
 * every function that ran, not only the top level.
 *
 * A relative `require` of a `.cjs` file inside `root` loads through here; anything else (Node's
 * modules, packages such as jsdom) goes to Node's `require`. The modules see `import.meta.url`
 * as `__bylineImportMeta.url` (the build defines it so).
 */
export class CachedModuleLoader {
  private readonly modules = new Map<string, CommonJsModule>();
  private readonly scripts: LoadedScript[] = [];
  private readonly nodeRequire: NodeJS.Require;

  constructor(
    private readonly root: string,
    private readonly store: CodeCacheStore | null,
  ) {
    this.nodeRequire = createRequire(path.join(root, 'index.cjs'));
  }

  /** The module's exports, running it on first use. */
  load(file: string): unknown {
    const known = this.modules.get(file);
    if (known) return known.exports;
    const module: CommonJsModule = { exports: {} };
    this.modules.set(file, module);
    const source = readFileSync(file);
    const entry = this.store?.entryFor(path.basename(file), source) ?? null;
    const cachedData = entry ? this.store?.read(entry) : undefined;
    const script = new vm.Script(
      `(function (exports, require, module, __filename, __dirname, __bylineImportMeta) {${source.toString()}\n})`,
      { filename: file, cachedData },
    );
    const outcome: CodeCacheOutcome = !entry
      ? 'off'
      : cachedData === undefined
        ? 'missing'
        : script.cachedDataRejected
          ? 'rejected'
          : 'used';
    this.scripts.push({ file, script, entry, outcome });
    const dir = path.dirname(file);
    const requireHere = (specifier: string): unknown => {
      if (!specifier.startsWith('./') && !specifier.startsWith('../'))
        return this.nodeRequire(specifier);
      const target = path.resolve(dir, specifier);
      return target.endsWith('.cjs') && this.holds(target)
        ? this.load(target)
        : this.nodeRequire(target);
    };
    const meta = {
      get url(): string {
        return pathToFileURL(file).href;
      },
    };
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run(module.exports, requireHere, module, file, dir, meta);
    return module.exports;
  }

  private holds(file: string): boolean {
    const relative = path.relative(this.root, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** Each module loaded so far and what became of its cache. */
  outcomes(): { file: string; outcome: CodeCacheOutcome }[] {
    return this.scripts.map(({ file, outcome }) => ({ file, outcome }));
  }

  /**
   * Writes the code of every module that was compiled from source, with the functions compiled
   * while the command ran. Call it once the command is done. Returns how many entries were
   * written; a folder that cannot be written costs nothing but the attempt.
   */
  saveCompiledCode(): number {
    const store = this.store;
    if (!store) return 0;
    let written = 0;
    for (const loaded of this.scripts) {
      if (!loaded.entry || loaded.outcome === 'used') continue;
      if (!store.write(loaded.entry, loaded.script.createCachedData())) return written;
      written++;
    }
    if (written > 0) store.prune();
    return written;
  }
}
