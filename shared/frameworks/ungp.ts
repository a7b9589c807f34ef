// The UN Guiding Principles on Business and Human Rights: 3 pillars, their section headings and
// the 31 principles. Titles are short summaries, not the official text (the principles are
// paragraphs too long for a link list); the pillar and heading titles are the official ones.
import type { Framework, FrameworkItem } from './types';

const section = (code: string, en: string, parent?: string): FrameworkItem => ({
  code,
  kind: 'section',
  ...(parent === undefined ? {} : { parent }),
  title: { en },
});

const principle = (n: number, parent: string, en: string): FrameworkItem => ({
  code: `GP${n}`,
  kind: 'principle',
  parent,
  title: { en },
});

export const ungp: Framework = {
  id: 'ungp',
  // Russian: the title of the UN's Russian edition; Turkmen: no official edition, so a translation
  name: {
    en: 'UN Guiding Principles on Business and Human Rights',
    ru: 'Руководящие принципы предпринимательской деятельности в аспекте прав человека',
    tk: 'Telekeçilik we adam hukuklary boýunça BMG-niň ýolbaşçy ýörelgeleri',
  },
  shortName: { en: 'UNGPs', ru: 'Руководящие принципы ООН', tk: 'BMG-niň ýolbaşçy ýörelgeleri' },
  unofficialNames: ['tk'],
  version: '2011 (HR/PUB/11/04; endorsed by Human Rights Council resolution 17/4)',
  source: {
    credit: {
      en: 'Source: UN Guiding Principles on Business and Human Rights (United Nations, HR/PUB/11/04, 2011). The principle titles are short summaries, not the official text.',
      ru: 'Источник: Руководящие принципы предпринимательской деятельности в аспекте прав человека (ООН, HR/PUB/11/04, 2011). Названия принципов — краткие изложения, а не официальный текст.',
      tk: 'Çeşme: Biznes we adam hukuklary boýunça BMG-niň Ýol görkeziji ýörelgeleri (BMG, HR/PUB/11/04, 2011). Ýörelgeleriň atlary resmi tekst däl-de, gysga beýanlardyr.',
    },
    title:
      "Guiding Principles on Business and Human Rights: Implementing the United Nations 'Protect, " +
      "Respect and Remedy' Framework (United Nations, HR/PUB/11/04, 2011). Pillar and section " +
      "headings are the document's; each principle's title is a short summary written for Accord, " +
      'not the official text. The numbering of the operational sub-headings (e.g. I.B.2) is ' +
      "Accord's; the document leaves them unnumbered.",
    url: 'https://www.ohchr.org/sites/default/files/documents/publications/guidingprinciplesbusinesshr_en.pdf',
  },
  // summaries in other languages would be Accord's own translations of its own summaries
  languages: ['en'],
  coverageKinds: ['principle'],
  origin: 'builtin',
  items: [
    section('I', 'The State duty to protect human rights'),
    section('I.A', 'Foundational principles', 'I'),
    principle(
      1,
      'I.A',
      'States protect against human rights abuse by third parties, including business enterprises',
    ),
    principle(
      2,
      'I.A',
      'States set out clearly that businesses are expected to respect human rights',
    ),
    section('I.B', 'Operational principles', 'I'),
    section('I.B.1', 'General State regulatory and policy functions', 'I.B'),
    principle(
      3,
      'I.B.1',
      'Enforce and review laws, keep other laws enabling, guide businesses and encourage them to ' +
        'communicate',
    ),
    section('I.B.2', 'The State-business nexus', 'I.B'),
    principle(
      4,
      'I.B.2',
      'State-owned or State-supported enterprises: additional steps, including due diligence',
    ),
    principle(
      5,
      'I.B.2',
      'Oversight when States contract with or legislate for businesses to provide services',
    ),
    principle(6, 'I.B.2', 'Promote respect for human rights by businesses the State trades with'),
    section(
      'I.B.3',
      'Supporting business respect for human rights in conflict-affected areas',
      'I.B',
    ),
    principle(7, 'I.B.3', 'Help businesses avoid human rights abuse in conflict-affected areas'),
    section('I.B.4', 'Ensuring policy coherence', 'I.B'),
    principle(8, 'I.B.4', 'Policy coherence across government departments and agencies'),
    principle(9, 'I.B.4', 'Keep domestic policy space in investment treaties and contracts'),
    principle(10, 'I.B.4', 'Act coherently as members of multilateral institutions'),

    section('II', 'The corporate responsibility to respect human rights'),
    section('II.A', 'Foundational principles', 'II'),
    principle(
      11,
      'II.A',
      'Businesses respect human rights: avoid infringing them and address adverse impacts',
    ),
    principle(
      12,
      'II.A',
      'The rights concerned: at a minimum the International Bill of Human Rights and the ILO ' +
        'Declaration on Fundamental Principles and Rights at Work',
    ),
    principle(
      13,
      'II.A',
      'Avoid causing or contributing to adverse impacts; prevent or mitigate impacts linked to ' +
        'operations, products or services',
    ),
    principle(
      14,
      'II.A',
      'Applies to all businesses; the means scale with size, sector, context, ownership and ' +
        'structure',
    ),
    principle(
      15,
      'II.A',
      'Policies and processes: policy commitment, due diligence and remediation',
    ),
    section('II.B', 'Operational principles', 'II'),
    section('II.B.1', 'Policy commitment', 'II.B'),
    principle(16, 'II.B.1', 'A policy commitment to respect human rights'),
    section('II.B.2', 'Human rights due diligence', 'II.B'),
    principle(17, 'II.B.2', 'Carry out human rights due diligence'),
    principle(18, 'II.B.2', 'Identify and assess actual and potential adverse impacts'),
    principle(19, 'II.B.2', 'Integrate the findings and take appropriate action'),
    principle(20, 'II.B.2', 'Track the effectiveness of the response'),
    principle(21, 'II.B.2', 'Communicate how impacts are addressed'),
    section('II.B.3', 'Remediation', 'II.B'),
    principle(
      22,
      'II.B.3',
      'Provide for or cooperate in remediation of impacts caused or contributed to',
    ),
    section('II.B.4', 'Issues of context', 'II.B'),
    principle(
      23,
      'II.B.4',
      'Comply with the law, honour human rights where laws conflict, treat the risk of gross ' +
        'abuses as a legal compliance issue',
    ),
    principle(24, 'II.B.4', 'Prioritise the most severe impacts'),

    section('III', 'Access to remedy'),
    section('III.A', 'Foundational principle', 'III'),
    principle(25, 'III.A', 'States ensure access to effective remedy for business-related abuse'),
    section('III.B', 'Operational principles', 'III'),
    section('III.B.1', 'State-based judicial mechanisms', 'III.B'),
    principle(
      26,
      'III.B.1',
      'Effective domestic judicial mechanisms; reduce barriers to access to remedy',
    ),
    section('III.B.2', 'State-based non-judicial grievance mechanisms', 'III.B'),
    principle(
      27,
      'III.B.2',
      'Effective and appropriate State-based non-judicial grievance mechanisms',
    ),
    section('III.B.3', 'Non-State-based grievance mechanisms', 'III.B'),
    principle(28, 'III.B.3', 'Facilitate access to effective non-State-based grievance mechanisms'),
    principle(
      29,
      'III.B.3',
      'Businesses establish or take part in operational-level grievance mechanisms',
    ),
    principle(
      30,
      'III.B.3',
      'Industry, multi-stakeholder and other collaborative initiatives make grievance mechanisms ' +
        'available',
    ),
    section('III.B.4', 'Effectiveness criteria for non-judicial grievance mechanisms', 'III.B'),
    principle(
      31,
      'III.B.4',
      'Effectiveness criteria: legitimate, accessible, predictable, equitable, transparent, ' +
        'rights-compatible, a source of continuous learning; for operational-level mechanisms also ' +
        'based on engagement and dialogue',
    ),
  ],
};
