/**
 * Channel names only, without schemas, for the sandboxed preload: it needs the list of
 * functions to expose but must stay tiny. A unit test keeps this list equal to the contract.
 */
export const requestNames = [
  'app.info',
  'workspace.current',
  'workspace.open',
  'library.list',
  'library.entries',
  'library.search',
  'article.open',
  'article.save',
  'article.close',
  'article.create',
  'article.rename',
  'article.duplicate',
  'article.trash',
  'trash.list',
  'trash.restore',
  'journal.write',
  'journal.base',
  'journal.list',
  'journal.discard',
  'history.list',
  'history.read',
  'settings.get',
  'settings.update',
  'dialog.pickFolder',
  'dialog.pickFile',
  'dialog.saveAs',
  'workspace.openPath',
  'window.setDirtyState',
  'session.get',
  'session.update',
  'workspace.schema',
  'workspace.listImages',
  'workspace.renderProfile',
  'asset.import',
  'references.list',
  'references.add',
  'references.import',
  'references.export',
  'references.format',
  'references.restyle',
  'references.getSettings',
  'references.updateSettings',
  'export.getSettings',
  'export.saveSettings',
  'export.run',
  'export.renderForClipboard',
] as const;

export const eventNames = [
  'library.changed',
  'article.changedOnDisk',
  'command.invoked',
  'article.openRequested',
  'workspace.changed',
  'export.progress',
] as const;

export const ipcRequestChannel = (name: string): string => `byline:req:${name}`;
export const ipcEventChannel = (name: string): string => `byline:evt:${name}`;
