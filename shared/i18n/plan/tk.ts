import type { Catalogue } from '../catalogue';
import type en from './en';

// Turkmen wording to be reviewed by a native speaker before release.
export default {
  status: {
    planned: 'Meýilleşdirildi',
    in_progress: 'Ýerine ýetirilýär',
    completed: 'Ýerine ýetirildi',
    delayed: 'Gijikdirildi',
    cancelled: 'Ýatyryldy',
  },
  stage: { proposed: 'Teklip edildi', agreed: 'Ylalaşyldy' },
  priority: { high: 'Ýokary', medium: 'Orta', low: 'Pes' },
  orgKind: {
    government: 'Döwlet edarasy',
    business: 'Işewür',
    international: 'Halkara guramasy',
    nhri: 'Adam hukuklary boýunça milli edara',
    civil_society: 'Raýat jemgyýeti',
    donor: 'Donor',
    other: 'Beýleki',
  },
  light: {
    green: 'Meýilnama boýunça',
    amber: 'Yza galýar',
    red: 'Howp astynda',
    none: 'Bahalandyrylmady',
  },
  frequency: {
    monthly: 'Her aý',
    quarterly: 'Her çärýek',
    semiannual: 'Ýarym ýylda bir',
    annual: 'Her ýyl',
    once: 'Bir gezek',
  },
  language: { en: 'English', ru: 'Русский', tk: 'Türkmençe' },
  untitledAction: 'Täze çäre',
} as const satisfies Catalogue<typeof en>;
