import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commandLabels, menuLabels } from '../../shared/commands/commandLabels';
import { en } from './en';
import { zhCN } from './zh-CN';

export type UiLocale = 'en' | 'zh-CN';

/** Any Chinese system locale gets the Chinese UI (closer than English for zh-TW readers too). */
export function pickLocale(preference: string, systemLocale: string): UiLocale {
  const candidate = preference === 'system' ? systemLocale : preference;
  return /^zh\b/i.test(candidate) ? 'zh-CN' : 'en';
}

/** The UI strings of a locale; command and menu labels come from shared/commands (the native menu uses them too). */
function uiResources(locale: UiLocale): Record<string, unknown> {
  const strings = locale === 'zh-CN' ? zhCN : en;
  return { ...strings, commands: commandLabels[locale], menus: menuLabels[locale] };
}

export async function setupI18n(locale: UiLocale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: uiResources('en') },
      'zh-CN': { translation: uiResources('zh-CN') },
    },
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}

/** Switches the UI language at run time (settings panel). */
export async function changeUiLocale(locale: UiLocale): Promise<void> {
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
