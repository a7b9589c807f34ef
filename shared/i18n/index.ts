// i18n for the UI and the reports: i18next instances over the catalogues in this folder, one
// namespace per area (`plan`: the plan's vocabulary; areas add theirs in NAMESPACES).
import i18next, { type i18n } from 'i18next';
import { utcMidnight } from '../calendar';
import { LANGUAGES, type Language } from '../frameworks/types';
import planEn from './plan/en';
import planRu from './plan/ru';
import planTk from './plan/tk';
import uiEn from './ui/en';
import uiRu from './ui/ru';
import uiTk from './ui/tk';
import reportEn from './report/en';
import reportRu from './report/ru';
import reportTk from './report/tk';

export const NAMESPACES = {
  plan: { en: planEn, ru: planRu, tk: planTk },
  ui: { en: uiEn, ru: uiRu, tk: uiTk },
  report: { en: reportEn, ru: reportRu, tk: reportTk },
} as const;
export type Namespace = keyof typeof NAMESPACES;

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** A ready i18next instance for `language`, with every namespace loaded (synchronously). */
export function createI18n(
  language: Language,
  extra: Record<string, Partial<Record<Language, object>>> = {},
): i18n {
  const resources: Record<string, Record<string, object>> = {};
  for (const lang of LANGUAGES) {
    resources[lang] = {};
    for (const [namespace, byLanguage] of Object.entries({ ...NAMESPACES, ...extra })) {
      const catalogue = (byLanguage as Partial<Record<Language, object>>)[lang];
      if (catalogue) resources[lang][namespace] = catalogue;
    }
  }
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources,
    defaultNS: 'plan',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Dates as people in each language read them (2025-06-15 → 15 June 2025 / 15 июня 2025 г.). */
export function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(utcMidnight(isoDate));
}

export function formatNumber(
  value: number,
  language: Language,
  options?: Intl.NumberFormatOptions,
): string {
  return new Intl.NumberFormat(localeOf(language), options).format(value);
}

/** The BCP 47 locale for a language (Turkmen in Turkmenistan, Russian, English). */
export function localeOf(language: Language): string {
  return { en: 'en-GB', ru: 'ru-RU', tk: 'tk-TM' }[language];
}
