// react-i18next over the shared catalogues (shared/i18n): one instance for the app, switched at
// runtime. The language is remembered with the local user.
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/frameworks/types';
import { createI18n, isLanguage } from '../../shared/i18n';
import { localUser, saveLocalUser } from '../session/localPlans';

export function initialLanguage(): Language {
  const saved = localUser().language;
  if (saved) return saved;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export function createAppI18n(): i18n {
  const instance = createI18n(initialLanguage());
  instance.use(initReactI18next);
  // createI18n initialised the instance before the React binding was attached; tell the binding.
  initReactI18next.init(instance);
  instance.options.defaultNS = 'ui';
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return instance;
}

export function switchLanguage(instance: i18n, language: Language): void {
  saveLocalUser({ language });
  void instance.changeLanguage(language);
}
