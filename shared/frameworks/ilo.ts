// ILO conventions a plan in Turkmenistan reports against: the ten fundamental conventions, the 2014
// Protocol to the Forced Labour Convention, C181 on private employment agencies and the two
// governance conventions Turkmenistan ratified. Each title is the official English name, which
// carries the year of adoption; `note` states Turkmenistan's ratification only where the ILO's own
// records confirm it.
import type { Framework, FrameworkItem } from './types';

const RATIFIED = 'Ratified by Turkmenistan.';

const convention = (
  code: string,
  parent: string,
  en: string,
  ratification?: string,
): FrameworkItem => ({
  code,
  kind: 'convention',
  parent,
  title: { en },
  ...(ratification === undefined ? {} : { note: { en: ratification } }),
});

export const ilo: Framework = {
  id: 'ilo',
  // Accord's own description in every language, not an official title
  name: {
    en: 'ILO fundamental conventions and governance conventions ratified by Turkmenistan',
    ru: 'Основополагающие конвенции МОТ и ратифицированные Туркменистаном конвенции по вопросам управления',
    tk: 'HZG-niň esasy konwensiýalary we Türkmenistanyň tassyklan dolandyryş konwensiýalary',
  },
  shortName: { en: 'ILO', ru: 'МОТ', tk: 'HZG' },
  unofficialNames: ['ru', 'tk'],
  version:
    'Fundamental conventions as listed since the 2022 amendment of the ILO Declaration on ' +
    'Fundamental Principles and Rights at Work',
  source: {
    credit: {
      en: 'Source: International Labour Organization, NORMLEX. Ratification by Turkmenistan is stated only where it was verified.',
      ru: 'Источник: Международная организация труда, NORMLEX. Ратификация Туркменистаном указана только там, где она проверена.',
      tk: 'Çeşme: Halkara Zähmet Guramasy, NORMLEX. Türkmenistanyň tassyklamagy diňe barlanan ýerinde görkezilýär.',
    },
    title:
      'International Labour Organization, NORMLEX: official convention titles. Ratifications: ' +
      'the ILO recorded in September 2019 that Turkmenistan had ratified all eight conventions ' +
      'then fundamental and, that month, C144; NORMLEX records C122 as ratified in 2021. Whether ' +
      'Turkmenistan has ratified C155, C187, the 2014 Protocol to the Forced Labour Convention ' +
      '(P029) or C181 could not be verified, so nothing is stated about them.',
    url: 'https://normlex.ilo.org',
  },
  languages: ['en'],
  coverageKinds: ['convention'],
  origin: 'builtin',
  items: [
    { code: 'fundamental', kind: 'section', title: { en: 'Fundamental conventions' } },
    convention('C029', 'fundamental', 'Forced Labour Convention, 1930 (No. 29)', RATIFIED),
    convention(
      'C087',
      'fundamental',
      'Freedom of Association and Protection of the Right to Organise Convention, 1948 (No. 87)',
      RATIFIED,
    ),
    convention(
      'C098',
      'fundamental',
      'Right to Organise and Collective Bargaining Convention, 1949 (No. 98)',
      RATIFIED,
    ),
    convention('C100', 'fundamental', 'Equal Remuneration Convention, 1951 (No. 100)', RATIFIED),
    convention(
      'C105',
      'fundamental',
      'Abolition of Forced Labour Convention, 1957 (No. 105)',
      RATIFIED,
    ),
    convention(
      'C111',
      'fundamental',
      'Discrimination (Employment and Occupation) Convention, 1958 (No. 111)',
      RATIFIED,
    ),
    convention('C138', 'fundamental', 'Minimum Age Convention, 1973 (No. 138)', RATIFIED),
    convention(
      'C182',
      'fundamental',
      'Worst Forms of Child Labour Convention, 1999 (No. 182)',
      RATIFIED,
    ),
    // fundamental since 2022; no note, because no ILO record at hand settles Turkmenistan's status
    convention('C155', 'fundamental', 'Occupational Safety and Health Convention, 1981 (No. 155)'),
    convention(
      'C187',
      'fundamental',
      'Promotional Framework for Occupational Safety and Health Convention, 2006 (No. 187)',
    ),
    // a fundamental instrument on forced labour; Turkmenistan's status not verified, so no note
    convention('P029', 'fundamental', 'Protocol of 2014 to the Forced Labour Convention, 1930'),
    {
      code: 'recruitment',
      kind: 'section',
      title: { en: 'Fair recruitment' },
    },
    // recruitment fees and agencies (SDG 10.7.1); Turkmenistan's status not verified, so no note
    convention('C181', 'recruitment', 'Private Employment Agencies Convention, 1997 (No. 181)'),
    {
      code: 'governance',
      kind: 'section',
      title: { en: 'Governance (priority) conventions ratified by Turkmenistan' },
    },
    convention(
      'C144',
      'governance',
      'Tripartite Consultation (International Labour Standards) Convention, 1976 (No. 144)',
      'Ratified by Turkmenistan in 2019.',
    ),
    convention(
      'C122',
      'governance',
      'Employment Policy Convention, 1964 (No. 122)',
      'Ratified by Turkmenistan in 2021.',
    ),
  ],
};
