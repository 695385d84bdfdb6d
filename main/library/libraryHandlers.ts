import type { RequestHandlers } from '../../shared/ipc/contract';
import type { LibraryService } from './libraryService';

export function createLibraryHandlers(
  library: LibraryService,
): Pick<RequestHandlers, 'library.list' | 'library.entries' | 'library.search'> {
  return {
    'library.list': () => library.list(),
    'library.entries': ({ paths }) => library.entries(paths),
    'library.search': ({ query, limit }) => library.search(query, limit),
  };
}
