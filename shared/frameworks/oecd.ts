// The OECD Guidelines for Multinational Enterprises on Responsible Business Conduct, 2023 edition:
// its eleven chapters (Part I) under their official English titles. The implementation procedures
// (Part II) address governments and National Contact Points, not the actions of a plan.
import type { Framework, FrameworkItem } from './types';

const chapter = (code: string, en: string): FrameworkItem => ({
  code,
  kind: 'chapter',
  title: { en },
});

export const oecd: Framework = {
  id: 'oecd-mne',
  // No official Russian or Turkmen edition of the 2023 text was found: both are translations
  name: {
    en: 'OECD Guidelines for Multinational Enterprises on Responsible Business Conduct',
    ru: 'Руководящие принципы ОЭСР для многонациональных предприятий по ответственному ведению бизнеса',
    tk: 'Köpmilletli kärhanalar üçin jogapkärli telekeçilik boýunça OECD-iň ýolbaşçy ýörelgeleri',
  },
  shortName: { en: 'OECD Guidelines', ru: 'Руководящие принципы ОЭСР', tk: 'OECD-iň ýörelgeleri' },
  unofficialNames: ['ru', 'tk'],
  version: '2023',
  source: {
    credit: {
      en: 'Source: OECD Guidelines for Multinational Enterprises on Responsible Business Conduct (OECD, 2023): chapter titles.',
      ru: 'Источник: Руководящие принципы ОЭСР для многонациональных предприятий по ответственному ведению бизнеса (ОЭСР, 2023): названия глав.',
      tk: 'Çeşme: OECD-niň Köpmilletli kärhanalar üçin jogapkärli işewürlik boýunça ýol görkezmeleri (OECD, 2023): baplaryň atlary.',
    },
    title:
      'OECD (2023), OECD Guidelines for Multinational Enterprises on Responsible Business ' +
      'Conduct, OECD Publishing, Paris: chapter titles.',
    url: 'https://doi.org/10.1787/81f92357-en',
  },
  languages: ['en'],
  coverageKinds: ['chapter'],
  origin: 'builtin',
  items: [
    chapter('I', 'Concepts and principles'),
    chapter('II', 'General policies'),
    chapter('III', 'Disclosure'),
    chapter('IV', 'Human rights'),
    chapter('V', 'Employment and industrial relations'),
    chapter('VI', 'Environment'),
    chapter('VII', 'Combating bribery and other forms of corruption'),
    chapter('VIII', 'Consumer interests'),
    chapter('IX', 'Science, technology and innovation'),
    chapter('X', 'Competition'),
    chapter('XI', 'Taxation'),
  ],
};
