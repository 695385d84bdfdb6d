/**
 * Channel names only, without schemas, for the sandboxed preload: it needs the list of
 * functions to expose but must stay tiny. A unit test keeps this list equal to the contract.
 */
export const requestNames = [
  'app.info',
  'workspace.current',
  'workspace.open',
  'library.list',
  'article.open',
  'article.save',
  'settings.get',
  'settings.update',
] as const;

export const eventNames = ['library.changed', 'article.changedOnDisk'] as const;

export const ipcRequestChannel = (name: string): string => `byline:req:${name}`;
export const ipcEventChannel = (name: string): string => `byline:evt:${name}`;
