// Turkmenistan's national Human Rights Action Plan 2021-2025. No public copy of its text was found,
// so Accord ships only verified facts about it and no items: a plan's owners enter or import its
// chapters, tasks and indicators, which the plan stores as a custom framework with this same id
// and origin 'plan', marked as entered by them. Never add official text here without a source.
import type { Framework } from './types';

/** Id shared by this built-in entry and the plan-stored framework that holds the entered items. */
export const HRAP_FRAMEWORK_ID = 'hrap-tm-2021';

export const hrap: Framework = {
  id: HRAP_FRAMEWORK_ID,
  // The official Russian and Turkmen titles were not available to verify: both are translations
  // (the Turkmen one as the national press names the plan), marked as such.
  name: {
    en: 'National Human Rights Action Plan of Turkmenistan for 2021-2025',
    ru: 'Национальный план действий в области прав человека в Туркменистане на 2021–2025 годы',
    tk: 'Türkmenistanda adam hukuklary boýunça 2021–2025-nji ýyllar üçin Hereketleriň milli meýilnamasy',
  },
  shortName: {
    en: 'HRAP 2021-2025',
    ru: 'План по правам человека 2021–2025',
    tk: 'Adam hukuklary meýilnamasy 2021–2025',
  },
  unofficialNames: ['ru', 'tk'],
  version: 'Approved by presidential resolution of 16 April 2021',
  source: {
    credit: {
      en: "Approved by resolution of the President of Turkmenistan of 16 April 2021. Its chapters, tasks and indicators are entered by the plan's owners.",
      ru: 'Утверждён постановлением Президента Туркменистана от 16 апреля 2021 года. Главы, задачи и показатели вносят владельцы плана.',
      tk: 'Türkmenistanyň Prezidentiniň 2021-nji ýylyň 16-njy aprelindäki karary bilen tassyklandy. Baplaryny, wezipelerini we görkezijilerini meýilnamanyň eýeleri girizýär.',
    },
    title:
      'Approved by resolution of the President of Turkmenistan of 16 April 2021; coordinated by ' +
      "the Interdepartmental Commission on compliance with Turkmenistan's international " +
      'human-rights obligations; contains a results matrix of tasks and indicators. No public ' +
      'copy of the text was found, so Accord ships none of it: chapters, tasks and indicators ' +
      "are entered or imported by each plan's owners and marked as entered by them.",
  },
  languages: ['en'],
  // the tasks of the results matrix, once a plan's owners have entered them
  coverageKinds: ['item'],
  origin: 'builtin',
  items: [],
};
