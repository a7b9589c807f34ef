// Dates and numbers in the reader's language (shared/i18n formatters), bound to the UI language.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/frameworks/types';
import { formatDate, formatNumber, isLanguage } from '../../../shared/i18n';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export function useFormat() {
  const language = useLanguage();
  return {
    language,
    date: (iso: string | null) => (iso ? formatDate(iso.slice(0, 10), language) : ''),
    number: (value: number, options?: Intl.NumberFormatOptions) =>
      formatNumber(value, language, options),
    percent: (value: number) => formatNumber(value / 100, language, { style: 'percent' }),
  };
}

/** Today as an ISO date, for traffic lights and deadlines. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
