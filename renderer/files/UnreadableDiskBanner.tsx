import { useTranslation } from 'react-i18next';
import { NoticeBanner } from './NoticeBanner';

interface UnreadableDiskBannerProps {
  path: string;
  /** `article.saveCopy`: the writer's text next to the article under a new name. */
  onSaveCopy(): void;
  /** `article.save` with `overwrite: true`, after the writer confirmed; main keeps the disk bytes in history. */
  onOverwrite(): void;
  /**
   * The bytes on disk read cleanly in several encodings and the writer chose none yet: the banner
   * says so and offers the choice again.
   */
  onChooseEncoding?: (() => void) | undefined;
  /**
   * Noticed while the buffer was saved, not by a save: the disk version is no text Byline reads,
   * and it is not in Version history until a save replaces it.
   */
  changedWhileSaved?: boolean;
}

/**
 * A save answered `conflict-unreadable`: the file changed on disk into bytes Byline cannot decode.
 * Unlike a conflict there is no "take the version on disk": it is not text Byline can show.
 */
export function UnreadableDiskBanner(props: UnreadableDiskBannerProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <NoticeBanner
      message={t(
        props.onChooseEncoding
          ? 'files.unreadable.undecided'
          : props.changedWhileSaved
            ? 'files.unreadable.changed'
            : 'files.unreadable.body',
        { path: props.path },
      )}
      testId="unreadable-banner"
    >
      {props.onChooseEncoding ? (
        <button type="button" onClick={props.onChooseEncoding}>
          {t('files.unreadable.chooseEncoding')}
        </button>
      ) : null}
      <button type="button" onClick={props.onSaveCopy}>
        {t('files.unreadable.saveCopy')}
      </button>
      <button
        type="button"
        onClick={() =>
          window.confirm(t('files.unreadable.confirmOverwrite')) && props.onOverwrite()
        }
      >
        {t('files.unreadable.overwrite')}
      </button>
    </NoticeBanner>
  );
}
