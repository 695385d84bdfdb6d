import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type UiLocale = 'en' | 'zh-CN';

/** Any Chinese system locale gets the Chinese UI (closer than English for zh-TW readers too). */
export function pickLocale(preference: string, systemLocale: string): UiLocale {
  const candidate = preference === 'system' ? systemLocale : preference;
  return /^zh\b/i.test(candidate) ? 'zh-CN' : 'en';
}

export async function setupI18n(locale: UiLocale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}
