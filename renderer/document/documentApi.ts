import type { BylineApi } from '../../shared/ipc/contract';

/** The requests the document layer makes: reading, saving and journaling articles. */
export type DocumentApi = Pick<
  BylineApi,
  | 'article.open'
  | 'article.encodings'
  | 'article.save'
  | 'article.close'
  | 'article.create'
  | 'journal.write'
  | 'journal.base'
  | 'journal.list'
  | 'journal.discard'
>;
