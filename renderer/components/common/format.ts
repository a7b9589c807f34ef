// Dates and numbers in the reader's language, as shared/i18n formats them, with the Intl
// formatters kept per language: creating one per table cell costs more than the row's render.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/frameworks/types';
import { isLanguage, localeOf } from '../../../shared/i18n';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export interface Format {
  readonly language: Language;
  /** an ISO date or timestamp as a date (15 Jun 2025) */
  date(iso: string | null): string;
  number(value: number): string;
  /** 0-100 as a percentage */
  percent(value: number): string;
}

const formats = new Map<Language, Format>();

export function formatFor(language: Language): Format {
  let format = formats.get(language);
  if (!format) {
    const locale = localeOf(language);
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const numbers = new Intl.NumberFormat(locale);
    const percents = new Intl.NumberFormat(locale, { style: 'percent' });
    format = {
      language,
      date: (iso) => (iso ? dates.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''),
      number: (value) => numbers.format(value),
      percent: (value) => percents.format(value / 100),
    };
    formats.set(language, format);
  }
  return format;
}

export function useFormat(): Format {
  const language = useLanguage();
  return useMemo(() => formatFor(language), [language]);
}

/** Today as an ISO date, for traffic lights and deadlines. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
