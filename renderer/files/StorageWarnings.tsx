import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BylineApi, EventPayload, StorageArea } from '../../shared/ipc/contract';
import { NoticeBanner } from './NoticeBanner';

type Problem = NonNullable<EventPayload<'storage.warning'>['problem']>;

/**
 * Banners for `storage.warning`: the crash journal or local history cannot be written (full or
 * read-only data folder). Each stays until main reports the area works again or the writer
 * dismisses it; a later failure shows it again.
 */
export function StorageWarnings(props: { api: Pick<BylineApi, 'on'> }): React.JSX.Element {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<ReadonlyMap<StorageArea, Problem>>(new Map());
  const { api } = props;

  useEffect(
    () =>
      api.on('storage.warning', ({ area, problem }) =>
        setProblems((current) => {
          const next = new Map(current);
          if (problem) next.set(area, problem);
          else next.delete(area);
          return next;
        }),
      ),
    [api],
  );

  const reason = (code: string): string =>
    code === 'ENOSPC' || code === 'EDQUOT'
      ? t('files.storage.full')
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? t('files.storage.readOnly')
        : t('files.storage.other', { code });

  return (
    <>
      {[...problems].map(([area, problem]) => (
        <NoticeBanner
          key={area}
          message={t(`files.storage.${area}`, { why: reason(problem.code) })}
          testId={`storage-warning-${area}`}
        >
          <button
            type="button"
            onClick={() =>
              setProblems((current) => {
                const next = new Map(current);
                next.delete(area);
                return next;
              })
            }
          >
            {t('files.storage.dismiss')}
          </button>
        </NoticeBanner>
      ))}
    </>
  );
}
