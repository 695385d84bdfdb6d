/**
 * Desktop settings fields: spell checking, references style, default export format and the
 * (off by default) update check. Shown after `settingsSections` (the workbench passes both to the settings panel).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/ipc/contract';
import { useWorkbench } from '../workbench/workbenchContext';
import type { SettingsSection } from '../settings/settingsSection';

type FieldProps = { id: string; settings: Settings; update(patch: Partial<Settings>): void };

function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange(value: boolean): void;
}): React.JSX.Element {
  return (
    <div className="settings-field settings-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function Select<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange(value: V): void;
}): React.JSX.Element {
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Languages the platform's spell checker offers (Electron on Windows/Linux); none elsewhere. */
function useSpellcheckLanguages(): { platform: string; languages: string[] } {
  const { api, platform } = useWorkbench();
  const [languages, setLanguages] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void api['app.info']().then(
      (info) => live && setLanguages(info.spellcheckLanguages ?? []),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return { platform, languages };
}

function SpellcheckField({ id, settings, update }: FieldProps): React.JSX.Element {
  const { t } = useTranslation();
  const { platform, languages } = useSpellcheckLanguages();
  const chosen = new Set(settings.spellcheckLanguages);
  return (
    <>
      <Checkbox
        id={id}
        label={t('desktop.spellcheck')}
        checked={settings.spellcheck}
        onChange={(spellcheck) => update({ spellcheck })}
      />
      {platform === 'darwin' ? (
        <p className="settings-hint">{t('desktop.spellcheckSystem')}</p>
      ) : languages.length > 0 ? (
        <fieldset className="settings-field" disabled={!settings.spellcheck}>
          <legend>{t('desktop.spellcheckLanguages')}</legend>
          <p className="settings-hint">{t('desktop.spellcheckLanguagesHint')}</p>
          <div className="settings-languages">
            {languages.map((code) => (
              <label key={code}>
                <input
                  type="checkbox"
                  checked={chosen.has(code)}
                  onChange={(event) =>
                    update({
                      spellcheckLanguages: event.target.checked
                        ? [...settings.spellcheckLanguages, code]
                        : settings.spellcheckLanguages.filter((c) => c !== code),
                    })
                  }
                />{' '}
                {code}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
    </>
  );
}

export const desktopSettingsSection: SettingsSection = {
  id: 'writing-tools',
  titleKey: 'desktop.sectionDesktop',
  fields: [
    { id: 'spellcheck', Field: SpellcheckField },
    {
      id: 'references-style',
      Field: function ReferencesStyleField({ id, settings, update }: FieldProps) {
        const { t } = useTranslation();
        return (
          <Select<Settings['referencesStyle']>
            id={id}
            label={t('references.style')}
            value={settings.referencesStyle}
            // The same labels as the references panel's style menu.
            options={(['news', 'apa', 'gb-t-7714'] as const).map((value) => ({
              value,
              label: t(`references.styles.${value}`),
            }))}
            onChange={(referencesStyle) => update({ referencesStyle })}
          />
        );
      },
    },
    {
      id: 'default-export',
      Field: function DefaultExportField({ id, settings, update }: FieldProps) {
        const { t } = useTranslation();
        const formats: Settings['defaultExport']['format'][] = [
          'html',
          'pdf',
          'docx',
          'hugo',
          'wechat',
          'txt',
        ];

        return (
          <Select<Settings['defaultExport']['format']>
            id={id}
            label={t('desktop.defaultExportFormat')}
            value={settings.defaultExport.format}
            // The export dialog's names for the formats, in the UI language (微信 for WeChat).
            options={formats.map((format) => ({
              value: format,
              label: t(`export.format.${format}`),
            }))}
            onChange={(format) => update({ defaultExport: { ...settings.defaultExport, format } })}
          />
        );
      },
    },
    {
      id: 'check-for-updates',
      Field: function UpdateCheckField({ id, settings, update }: FieldProps) {
        const { t } = useTranslation();
        return (
          <Checkbox
            id={id}
            label={t('desktop.checkForUpdates')}
            checked={settings.checkForUpdates}
            onChange={(checkForUpdates) => update({ checkForUpdates })}
          />
        );
      },
    },
  ],
};
