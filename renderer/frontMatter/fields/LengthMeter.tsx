import { useTranslation } from 'react-i18next';
import { displayWidth } from '../../../shared/text/displayWidth';

/** Live length in display columns (a Chinese character counts 2), against the schema's limit. */
export function LengthMeter({
  id,
  value,
  max,
}: {
  id: string;
  value: string;
  max: number | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  const count = displayWidth(value);
  const over = max !== undefined && count > max;
  return (
    <p id={id} className={over ? 'fm-meter fm-meter-over' : 'fm-meter'} data-testid="length-meter">
      {max === undefined
        ? t('frontMatter.columns', { count })
        : t('frontMatter.columnsOfMax', { count, max })}
      {over ? (
        <span className="fm-meter-warning">
          {' '}
          · {t('frontMatter.overLimit', { count: count - max })}
        </span>
      ) : null}
      {max !== undefined ? (
        <meter
          min={0}
          max={max}
          value={Math.min(count, max)}
          high={max * 0.9}
          optimum={max / 2}
          aria-hidden="true"
        />
      ) : null}
    </p>
  );
}
