// Which file column holds which action field. The export's own headers are recognised in all
// three languages (they come from the same catalogue), as are the field keys themselves and a
// few common synonyms; the user corrects the rest in the mapping dialog.
import { ACTION_COLUMNS } from '../exports/actionColumns';
import { LANGUAGES } from '../frameworks/types';
import { NAMESPACES } from '../i18n';

/** The action fields an import can write. */
export const IMPORT_FIELDS = ACTION_COLUMNS.filter((column) => column.importable).map(
  (column) => column.key,
);
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** For each file column, the field it maps to, or null to ignore the column. */
export type ColumnMapping = readonly (ImportField | null)[];

/** Headers people commonly use for a field, beyond the export's own. */
const SYNONYMS: Record<string, readonly string[]> = {
  ref: ['code', 'no', 'number', '№', 'код', 'kod'],
  title: [
    'name',
    'action',
    'action title',
    'activity',
    'measure',
    'название',
    'наименование',
    'мероприятие',
    'ady',
  ],
  lead: [
    'owner',
    'responsible',
    'lead',
    'lead org',
    'lead organisation',
    'lead organization',
    'ответственный',
    'исполнитель',
    'ответственная организация',
    'jogapkär',
  ],
  partners: ['partners', 'партнёры', 'партнеры', 'hyzmatdaşlar'],
  deadline: [
    'due',
    'due date',
    'end',
    'срок',
    'срок исполнения',
    'окончание',
    'möhlet',
    'tamamlanýan senesi',
  ],
  start: ['start date', 'начало', 'başlangyç'],
  progress: [
    'progress',
    '%',
    '% complete',
    '% done',
    'percent complete',
    'выполнение',
    '% выполнения',
    'ýerine ýetiriliş',
  ],
  links: ['links', 'sdg', 'framework', 'цур', 'döm'],
};

/** Lower case, no surrounding spaces, single spaces, no "(%)" and no trailing colon or full stop. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\(%\)/g, '')
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .replace(/[:.\s]+$/, '')
    .trim();
}

const KNOWN = (() => {
  const known = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    known.set(normaliseHeader(field), field);
    for (const synonym of SYNONYMS[field] ?? []) known.set(normaliseHeader(synonym), field);
  }
  // The export's headers win over synonyms: they are what our own files contain.
  for (const language of LANGUAGES) {
    const columns = NAMESPACES.report[language].column as Record<string, string>;
    for (const field of IMPORT_FIELDS) {
      const label = columns[field];
      if (label) known.set(normaliseHeader(label), field);
    }
  }
  return known;
})();

/** The field each header names, when it names one; a field is claimed by its first column. */
export function recogniseHeader(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = KNOWN.get(normaliseHeader(header)) ?? null;
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
