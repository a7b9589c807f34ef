import type { Catalogue } from '../catalogue';
import type en from './en';

export default {
  status: {
    planned: 'Запланировано',
    in_progress: 'Выполняется',
    completed: 'Выполнено',
    delayed: 'С задержкой',
    cancelled: 'Отменено',
  },
  stage: { proposed: 'Предложено', agreed: 'Согласовано' },
  priority: { high: 'Высокий', medium: 'Средний', low: 'Низкий' },
  orgKind: {
    government: 'Государственный орган',
    business: 'Бизнес',
    international: 'Международная организация',
    nhri: 'Национальное правозащитное учреждение',
    civil_society: 'Гражданское общество',
    donor: 'Донор',
    other: 'Другое',
  },
  light: { green: 'По плану', amber: 'Отставание', red: 'Под угрозой', none: 'Без оценки' },
  frequency: {
    monthly: 'Ежемесячно',
    quarterly: 'Ежеквартально',
    semiannual: 'Раз в полгода',
    annual: 'Ежегодно',
    once: 'Однократно',
  },
  language: { en: 'English', ru: 'Русский', tk: 'Türkmençe' },
  untitledAction: 'Новое мероприятие',
} as const satisfies Catalogue<typeof en>;
