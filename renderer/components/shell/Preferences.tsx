// Language and theme switches, used on the start screen and in the workspace.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/frameworks/types';
import { switchLanguage } from '../../i18n/setup';
import { useLanguage } from '../common/format';

const THEME_KEY = 'accord.theme';
type Theme = 'light' | 'dark';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function Preferences() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);
  return (
    <div className="preferences">
      <label className="field compact">
        <span className="sr-only">{t('toolbar.language')}</span>
        <select
          aria-label={t('toolbar.language')}
          value={language}
          onChange={(event) =>
            switchLanguage(i18n, event.target.value as (typeof LANGUAGES)[number])
          }
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`language.${code}`, { ns: 'plan' })}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="icon-button"
        aria-label={`${t('toolbar.theme')}: ${t(theme === 'dark' ? 'toolbar.dark' : 'toolbar.light')}`}
        title={t(theme === 'dark' ? 'toolbar.light' : 'toolbar.dark')}
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </div>
  );
}
