import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/ipc/contract';

import type { SettingsFieldProps, SettingsSection } from './settingsSection';

function SelectField<K extends keyof Settings>(props: {
  id: string;
  labelKey: string;
  value: Settings[K];
  options: { value: Settings[K]; labelKey: string }[];
  onChange(value: Settings[K]): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="settings-field">
      <label htmlFor={props.id}>{t(props.labelKey)}</label>
      <select
        id={props.id}
        value={String(props.value)}
        onChange={(event) => {
          const chosen = props.options.find((o) => String(o.value) === event.target.value);
          if (chosen) props.onChange(chosen.value);
        }}
      >
        {props.options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {t(option.labelKey)}
          </option>
        ))}
      </select>
    </div>
  );
}

function CheckboxField(props: {
  id: string;
  labelKey: string;
  checked: boolean;
  onChange(checked: boolean): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="settings-field settings-checkbox">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id}>{t(props.labelKey)}</label>
    </div>
  );
}

export const settingsSections: SettingsSection[] = [
  {
    id: 'appearance',
    titleKey: 'settings.appearance',
    fields: [
      {
        id: 'locale',
        Field: ({ id, settings, update }) => (
          <SelectField<'locale'>
            id={id}
            labelKey="settings.language"
            value={settings.locale}
            options={[
              { value: 'system', labelKey: 'settings.followSystem' },
              { value: 'zh-CN', labelKey: 'settings.languageZh' },
              { value: 'en', labelKey: 'settings.languageEn' },
            ]}
            onChange={(locale) => update({ locale })}
          />
        ),
      },
      {
        id: 'theme',
        Field: ({ id, settings, update }) => (
          <SelectField<'theme'>
            id={id}
            labelKey="settings.theme"
            value={settings.theme}
            options={[
              { value: 'system', labelKey: 'settings.followSystem' },
              { value: 'light', labelKey: 'settings.themeLight' },
              { value: 'dark', labelKey: 'settings.themeDark' },
            ]}
            onChange={(theme) => update({ theme })}
          />
        ),
      },
      {
        id: 'layout',
        Field: ({ id, settings, update }) => (
          <SelectField<'layout'>
            id={id}
            labelKey="settings.layout"
            value={settings.layout}
            options={[
              { value: 'editor', labelKey: 'commands.layoutEditor' },
              { value: 'split', labelKey: 'commands.layoutSplit' },
              { value: 'preview', labelKey: 'commands.layoutPreview' },
            ]}
            onChange={(layout) => update({ layout })}
          />
        ),
      },
    ],
  },
  {
    id: 'editor',
    titleKey: 'settings.editor',
    fields: [
      {
        id: 'font-size',
        Field: ({ id, settings, update }) => (
          <SelectField<'editorFontSize'>
            id={id}
            labelKey="settings.fontSize"
            value={settings.editorFontSize}
            options={[12, 13, 14, 15, 16, 17, 18, 20, 22, 24].map((size) => ({
              value: size,
              labelKey: `settings.fontSizes.${size}`,
            }))}
            onChange={(editorFontSize) => update({ editorFontSize })}
          />
        ),
      },
      {
        id: 'line-numbers',
        Field: ({ id, settings, update }) => (
          <CheckboxField
            id={id}
            labelKey="settings.lineNumbers"
            checked={settings.lineNumbers}
            onChange={(lineNumbers) => update({ lineNumbers })}
          />
        ),
      },
      {
        id: 'focus-mode',
        Field: ({ id, settings, update }) => (
          <CheckboxField
            id={id}
            labelKey="commands.focusMode"
            checked={settings.focusMode}
            onChange={(focusMode) => update({ focusMode })}
          />
        ),
      },
      {
        id: 'typewriter',
        Field: ({ id, settings, update }) => (
          <CheckboxField
            id={id}
            labelKey="commands.typewriterMode"
            checked={settings.typewriterMode}
            onChange={(typewriterMode) => update({ typewriterMode })}
          />
        ),
      },
    ],
  },
];

interface SettingsPanelProps extends SettingsFieldProps {
  /** The sections shown: `settingsSections` plus those of features above the settings. */
  sections: readonly SettingsSection[];
  onClose(): void;
}

/** A modal dialog; Escape or the close button closes it and focus returns where it was. */
export function SettingsPanel({
  settings,
  update,
  sections,
  onClose,
}: SettingsPanelProps): React.JSX.Element {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const base = useId();
  useEffect(() => {
    const element = dialog.current;
    const previous = document.activeElement as HTMLElement | null;
    element?.showModal();
    return () => {
      element?.close();
      previous?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="settings-dialog"
      aria-labelledby={`${base}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
    >
      <div className="settings-inner">
        <header className="settings-header">
          <h2 id={`${base}-title`}>{t('settings.title')}</h2>
          <button type="button" className="settings-close" onClick={onClose}>
            {t('actions.done')}
          </button>
        </header>
        {sections.map((section) => (
          <section
            key={section.id}
            className="settings-section"
            aria-labelledby={`${base}-${section.id}`}
          >
            <h3 id={`${base}-${section.id}`}>{t(section.titleKey)}</h3>
            {section.fields.map(({ id, Field }) => (
              <Field key={id} id={`${base}-${id}`} settings={settings} update={update} />
            ))}
          </section>
        ))}
      </div>
    </dialog>
  );
}
