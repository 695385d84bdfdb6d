// Node module loader hook (module.register) that hands the built Electron main bundle a stand-in
// for `electron`. Chosen over an esbuild alias so the bundle under test is the very file Electron
// runs (dist/main/electron.mjs), not a second build. Only imports from a URL carrying
// `?electron-standin=<id>` are redirected, to the stand-in registered under that id; each id is a
// fresh evaluation of the bundle, so two simulated processes never share module state.
const marker = 'electron-standin';
const standInModule = new URL('./electronModule.mjs', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if ((specifier === 'electron' || specifier === 'electron/main') && context.parentURL) {
    const id = new URL(context.parentURL).searchParams.get(marker);
    if (id !== null) {
      const url = new URL(standInModule);
      url.searchParams.set(marker, id);
      return { url: url.href, shortCircuit: true, format: 'module' };
    }
  }
  return nextResolve(specifier, context);
}

/**
 * The bundle itself is loaded as Node would load it: a test runner's source transform (Playwright
 * compiles every file outside node_modules) must not rewrite, or spend seconds on, the 10 MB
 * file under test.
 */
export async function load(url, context, nextLoad) {
  if (
    url.startsWith('file:') &&
    new URL(url).searchParams.has(marker) &&
    url.includes('/dist/main/')
  ) {
    const { readFile } = await import('node:fs/promises');
    return { format: 'module', source: await readFile(new URL(url)), shortCircuit: true };
  }
  return nextLoad(url, context);
}
