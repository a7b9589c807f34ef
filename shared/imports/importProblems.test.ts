import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../frameworks/types';
import { createI18n, NAMESPACES } from '../i18n';
import { IMPORT_PROBLEMS } from './previewActionImport';

describe('import problems in the reader’s words', () => {
  it.each(LANGUAGES)(
    'every problem code has a %s text, naming the cell where it should',
    (language) => {
      const t = createI18n(language).getFixedT(language, 'report');
      const templates = NAMESPACES.report[language].importProblem as Record<string, string>;
      for (const code of Object.keys(IMPORT_PROBLEMS)) {
        expect(templates[code], code).toBeTruthy();
        const text = String(t(`importProblem.${code}`, { value: 'X-9' }));
        if (templates[code]!.includes('{{value}}')) expect(text, code).toContain('X-9');
      }
    },
  );
});
