import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Checks electron-builder.yml by loading it: targets, file associations, fuses, what goes in the package.
const root = path.resolve(import.meta.dirname, '../..');
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  publish: unknown;
  files: string[];
  directories: { buildResources: string };
  extraResources: { filter: string[] }[];
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string[]; mimeType: string; role: string }[];
  linux: { target: string[]; mimeTypes: string[]; icon: string };
  win: { target: string[]; icon: string };
  nsis: { oneClick: boolean; installerIcon: string };
  mac: { target: string[]; icon: string };
}
const config = parse(
  readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies?: Record<string, string>;
};

/** electron-builder's `files` semantics: the last pattern that matches decides (a `!` pattern excludes). */
function packaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('names the app and packs it into an asar archive', () => {
    expect(config.appId).toBe('io.byline.editor');
    expect(config.productName).toBe('Byline');
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.nsis.oneClick).toBe(false);
  });

  it('registers .md and .markdown as Markdown articles Byline edits', () => {
    const [association] = config.fileAssociations;
    expect(association?.ext).toEqual(['md', 'markdown']);
    expect(association).toMatchObject({ mimeType: 'text/markdown', role: 'Editor' });
    expect(config.linux.mimeTypes).toContain('text/markdown');
  });

  it('sets the Electron fuses: no RunAsNode, cookie encryption, app only from an integrity-checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages the built app and package.json, never tests, sources or source maps', () => {
    expect(pkg.main).toBe('dist/main/electron.mjs');
    for (const file of [
      pkg.main,
      'dist/main/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      'package.json',
    ]) {
      expect(packaged(file), file).toBe(true);
    }
    for (const file of [
      'dist/main/electron.mjs.map',
      'tests/e2e/foundation.spec.ts',
      'tests/electron/launchByline.ts',
      'main/electron/main.ts',
      'shared/ipc/contract.test.ts',
      'renderer/app/App.tsx',
      'scripts/build.mjs',
      'dist/main/something.test.mjs',
      'node_modules/jsdom/README.md',
      'node_modules/some-lib/test/fixture.js',
      'node_modules/playwright-core/index.js',
    ]) {
      expect(packaged(file), file).toBe(false);
    }
  });

  it('ships sharp’s native addon and libvips outside the asar archive, where the OS can load them', () => {
    for (const file of [
      'node_modules/sharp/dist/index.mjs',
      'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node',
      'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.8',
      'node_modules/@img/sharp-win32-x64/lib/libvips-42.dll',
    ]) {
      // Dependencies are copied by electron-builder itself; `files` must not exclude these.
      const excludedBy = config.files.filter(
        (pattern) => pattern.startsWith('!') && minimatch(file, pattern.slice(1), { dot: true }),
      );
      expect(excludedBy, file).toEqual([]);
      expect(
        config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true })),
        file,
      ).toBe(true);
    }
  });

  it('is valid for electron-builder’s own schema', async () => {
    const { validateConfiguration } =
      (await import('app-builder-lib/out/util/config/config.js')) as {
        validateConfiguration(config: unknown, logger: unknown): Promise<void>;
      };
    const { DebugLogger } = (await import('builder-util')) as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('points at icons that exist, and ships the window icon main.ts loads', () => {
    for (const icon of [
      config.mac.icon,
      config.win.icon,
      config.nsis.installerIcon,
      config.linux.icon,
    ]) {
      expect(existsSync(path.join(root, icon)), icon).toBe(true);
    }
    expect(existsSync(path.join(root, config.directories.buildResources, 'icon.png'))).toBe(true);
    expect(config.extraResources[0]?.filter).toContain('icons/png/512x512.png');
    expect(readFileSync(path.join(root, 'main/electron/main.ts'), 'utf8')).toContain(
      "'icons/png/512x512.png'",
    );
  });
});

describe('package.json dependencies (what electron-builder copies into the app)', () => {
  // esbuild leaves these out of the bundles; see scripts/build.mjs.
  const buildScript = readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
  const external = JSON.parse(
    (/external: (\[[^\]]*\])/.exec(buildScript)?.[1] ?? '[]').replace(/'/g, '"'),
  ) as string[];

  it('lists only packages the bundles load at run time: bundled ones are devDependencies', () => {
    const misplaced = Object.keys(pkg.dependencies ?? {}).filter(
      (name) => !external.includes(name),
    );
    expect(
      misplaced,
      `Move to devDependencies (Vite/esbuild bundle them): ${misplaced.join(', ')}`,
    ).toEqual([]);
  });

  /** Loaded with import() on a path the desktop app never takes, with the reason. */
  const desktopNeverLoads: Record<string, string> = {
    'playwright-core':
      'headless Chromium PDF printing is for browser mode and the CLI; main/electron injects printToPDF',
  };

  it('the desktop app injects the printers that make those imports unnecessary', () => {
    expect(readFileSync(path.join(root, 'main/electron/main.ts'), 'utf8')).toMatch(
      /pdfPrinter: createElectronPdfPrinter\(\)/,
    );
  });

  it('has every package the Electron main bundle imports at run time', async () => {
    const result = await build({
      entryPoints: [path.join(root, 'main/electron/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external,
    });
    const imported = new Set<string>();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const entry of output.imports) {
        // require() calls inside bundled CommonJS packages are optional (try/catch) or Node built-ins.
        if (!entry.external || entry.kind === 'require-call' || entry.path.startsWith('node:'))
          continue;
        if (entry.kind === 'dynamic-import' && entry.path in desktopNeverLoads) continue;
        const name = entry.path.startsWith('@')
          ? entry.path.split('/').slice(0, 2).join('/')
          : entry.path.split('/')[0];
        if (name && !builtinModules.includes(name)) imported.add(name);
      }
    }
    imported.delete('electron');
    expect([...imported].filter((name) => !(name in (pkg.dependencies ?? {})))).toEqual([]);
  }, 60_000);
});
