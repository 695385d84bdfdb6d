// What `import … from 'electron'` gives the bundle under test: the members of the stand-in
// registered (in the same thread) under this module URL's id. See resolveElectron.mjs.
const id = new URL(import.meta.url).searchParams.get('electron-standin');
const registry = globalThis[Symbol.for('byline.electronStandIns')];
const electron = registry?.get(id);
if (!electron) throw new Error(`No Electron stand-in registered as ${id}`);

export const {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  net,
  protocol,
  screen,
  session,
  shell,
} = electron;
export default electron;
