// Dates and numbers in the reader's language, as shared/i18n formats them, with the Intl
// formatters kept per language: creating one per table cell costs more than the row's render.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFieldFormat, utcMidnight, type DateFieldFormat } from '../../../shared/calendar';
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
  /** an ISO timestamp as date and time in the reader's time zone */
  dateTime(iso: string): string;
  number(value: number): string;
  /** 0-100 as a percentage */
  percent(value: number): string;
  /** dates as people type them in this language (DateInput) */
  readonly dateField: DateFieldFormat;
}

const formats = new Map<Language, Format>();

/**
 * Browsers without Turkmen locale data (Chromium ships none) would print English month names on
 * a Turkmen screen; there dates are written as in Turkmenistan (15.01.2022) and numbers with the
 * Russian locale's conventions, which Turkmen shares (1 234,5).
 */
function supported(locale: string): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
}

export function formatFor(language: Language): Format {
  let format = formats.get(language);
  if (!format) {
    const native = supported(localeOf(language));
    const locale = native ? localeOf(language) : localeOf('ru');
    const dates = native
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
      : new Intl.DateTimeFormat('ru-RU', {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          timeZone: 'UTC',
        });
    const times = native
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
      : new Intl.DateTimeFormat('ru-RU', {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        });
    const numbers = new Intl.NumberFormat(locale);
    const percents = new Intl.NumberFormat(locale, { style: 'percent' });
    format = {
      language,
      date: (iso) => (iso ? dates.format(utcMidnight(iso.slice(0, 10))) : ''),
      dateTime: (iso) => times.format(new Date(iso)),
      number: (value) => numbers.format(value),
      percent: (value) => percents.format(value / 100),
      dateField: dateFieldFormat(locale),
    };
    formats.set(language, format);
  }
  return format;
}

export function useFormat(): Format {
  const language = useLanguage();
  return useMemo(() => formatFor(language), [language]);
}
