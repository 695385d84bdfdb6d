import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../shared/frontMatterSchema';
import { BooleanField } from './BooleanField';
import { DateTimeField } from './DateTimeField';
import { ImageField } from './ImageField';
import { MapGroup } from './MapGroup';
import { NumberField } from './NumberField';
import { RawField } from './RawField';
import { TagListField } from './TagListField';
import { TextField } from './TextField';

/** The control for one row, by kind. */
export function FieldControl({
  row,
  path,
}: {
  row: FormField;
  path: readonly string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  switch (row.kind) {
    case 'text':
      return <TextField row={row} path={path} />;
    case 'longText':
      return <TextField row={row} path={path} multiline />;
    case 'slug':
      return <TextField row={row} path={path} slug />;
    case 'datetime':
      return <DateTimeField row={row} path={path} />;
    case 'boolean':
      return <BooleanField row={row} path={path} />;
    case 'number':
      return <NumberField row={row} path={path} />;
    case 'image':
      return <ImageField row={row} path={path} />;
    case 'tags':
      return <TagListField row={row} path={path} />;
    case 'map':
      return <MapGroup row={row} path={path} Field={FieldControl} />;
    case 'raw':
      if (path.length === 1) return <RawField row={row} />;
      // Inside a group: shown as written; the group's "Edit as YAML" edits it.
      return (
        <div className="fm-field" data-field-key={path.join('.')} data-kind="raw">
          <span className="fm-label">{path[path.length - 1]}</span>
          <pre className="fm-code fm-readonly-value">{JSON.stringify(row.value)}</pre>
          <p className="fm-hint">{t('frontMatter.map.editAsYaml')}</p>
        </div>
      );
  }
}
