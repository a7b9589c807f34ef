// A framework's items (the national plan's chapters and tasks, another country's plan) from a
// CSV file or lines pasted from a document: "1 Civil rights", "1.2. Access to justice",
// "2.3<TAB>Decent work". Dotted codes give the hierarchy: 1.2 sits under 1 when 1 is listed.
// The owners' own text is stored as they entered it: Accord never invents official text.
import * as customFrameworks from '../plan/customFrameworks';
import type { CustomItemKind } from '../plan/customFrameworkLayout';
import { MAX_TITLE_LENGTH } from '../plan/model';
import type { Plan } from '../plan/plan';
import { planParts } from '../plan/plan';
import { allOrNothing } from './allOrNothing';
import { normaliseHeader } from './columnMapping';
import { parseCsv } from './parseCsv';

export interface FrameworkItemRow {
  readonly line: number;
  readonly code: string;
  readonly title: string;
  readonly kind: CustomItemKind;
  readonly parent?: string;
}

/** Why a line or row was not taken; the UI words it from the code. */
export const FRAMEWORK_ITEM_PROBLEMS = {
  /** a pasted line that is not a code and then a title */
  bad_line: 'bad_line',
  /** a code with spaces, `:` or `#`, or longer than 40 characters */
  bad_code: 'bad_code',
  /** an empty title, or one longer than `limit` characters */
  bad_title: 'bad_title',
  /** a code already listed on an earlier line */
  duplicate_code: 'duplicate_code',
  /** a kind column value that is not one of `allowed` */
  bad_kind: 'bad_kind',
} as const;
export type FrameworkItemProblemCode = keyof typeof FRAMEWORK_ITEM_PROBLEMS;

export interface FrameworkItemProblem {
  readonly code: FrameworkItemProblemCode;
  readonly line: number;
  /** the line (its first 80 characters), the code or the kind the problem is about */
  readonly text: string;
  /** English, for logs and tests; the UI words it from `code` */
  readonly message: string;
  /** bad_title: the longest title accepted */
  readonly limit?: number;
  /** bad_kind: the kinds accepted */
  readonly allowed?: readonly CustomItemKind[];
}

export interface FrameworkItemsPreview {
  readonly items: readonly FrameworkItemRow[];
  readonly problems: readonly FrameworkItemProblem[];
}

const CODE = /^[^:#\s](?:[^:#\s]{0,38}[^:#\s.])?$/;
/** "1.2. Title", "1.2) Title", "1.2 - Title", "1.2<TAB>Title", "IV. Title" */
const LINE = /^\s*([^\s:#]+?)[.)]?(?:\s*[-–—:]\s*|\t+|\s+)(.+?)\s*$/;
const CODE_HEADERS = ['code', 'код', 'kody', 'no', '№'];
const TITLE_HEADERS = ['title', 'name', 'item', 'название', 'наименование', 'пункт', 'ady', 'bent'];
const KIND_HEADERS = ['kind', 'type', 'вид', 'görnüşi'];
const PARENT_HEADERS = ['parent', 'родитель', 'parent code', 'ene'];
const KINDS: readonly CustomItemKind[] = [
  'section',
  'chapter',
  'item',
  'target',
  'indicator',
  'principle',
];

/** Items from pasted lines, or from CSV when the first line is a header with code and title. */
export function previewFrameworkItems(text: string): FrameworkItemsPreview {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const csv = parseCsv(firstLine);
  const headers = (csv[0]?.cells ?? []).map(normaliseHeader);
  const isCsv =
    headers.length > 1 &&
    headers.some((h) => CODE_HEADERS.includes(h)) &&
    headers.some((h) => TITLE_HEADERS.includes(h));
  const raw = isCsv ? fromCsv(text, headers) : fromLines(text);
  return withHierarchy(raw);
}

type RawItem = {
  line: number;
  code: string;
  title: string;
  kind?: CustomItemKind;
  parent?: string;
};

function fromCsv(
  text: string,
  headers: readonly string[],
): { items: RawItem[]; problems: FrameworkItemProblem[] } {
  const column = (names: readonly string[]) => headers.findIndex((h) => names.includes(h));
  const [code, title, kind, parent] = [
    CODE_HEADERS,
    TITLE_HEADERS,
    KIND_HEADERS,
    PARENT_HEADERS,
  ].map(column);
  const items: RawItem[] = [];
  const problems: FrameworkItemProblem[] = [];
  for (const row of parseCsv(text).slice(1)) {
    const kindText = kind! >= 0 ? (row.cells[kind!] ?? '').trim().toLowerCase() : '';
    if (kindText && !KINDS.includes(kindText as CustomItemKind)) {
      problems.push({
        code: 'bad_kind',
        line: row.line,
        text: kindText,
        message: `kind must be one of ${KINDS.join(', ')}`,
        allowed: KINDS,
      });
      continue;
    }
    const parentText = parent! >= 0 ? (row.cells[parent!] ?? '').trim() : '';
    items.push({
      line: row.line,
      code: (row.cells[code!] ?? '').trim(),
      title: (row.cells[title!] ?? '').trim(),
      ...(kindText ? { kind: kindText as CustomItemKind } : {}),
      ...(parentText ? { parent: parentText } : {}),
    });
  }
  return { items, problems };
}

function fromLines(text: string): { items: RawItem[]; problems: FrameworkItemProblem[] } {
  const items: RawItem[] = [];
  const problems: FrameworkItemProblem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = LINE.exec(line.replace(/^\uFEFF/, ''));
    if (!match || !/\d|^[IVXLC]+$/i.test(match[1]!)) {
      problems.push({
        code: 'bad_line',
        line: index + 1,
        text: line.slice(0, 80),
        message: 'expected a code, then the title (e.g. "1.2 Access to justice")',
      });
      return;
    }
    items.push({ line: index + 1, code: match[1]!.replace(/\.$/, ''), title: match[2]! });
  });
  return { items, problems };
}

function withHierarchy(raw: {
  items: RawItem[];
  problems: FrameworkItemProblem[];
}): FrameworkItemsPreview {
  const problems = [...raw.problems];
  const codes = new Set<string>();
  const items: FrameworkItemRow[] = [];
  for (const item of raw.items) {
    if (!CODE.test(item.code)) {
      problems.push({
        code: 'bad_code',
        line: item.line,
        text: item.code,
        message: 'a code is 1-40 characters without spaces, : or #',
      });
      continue;
    }
    if (item.title === '' || item.title.length > MAX_TITLE_LENGTH) {
      problems.push({
        code: 'bad_title',
        line: item.line,
        text: item.code,
        message: `a title is 1-${MAX_TITLE_LENGTH} characters`,
        limit: MAX_TITLE_LENGTH,
      });
      continue;
    }
    if (codes.has(item.code)) {
      problems.push({
        code: 'duplicate_code',
        line: item.line,
        text: item.code,
        message: `code ${item.code} is listed twice`,
      });
      continue;
    }
    codes.add(item.code);
    const dotted = item.code.includes('.')
      ? item.code.slice(0, item.code.lastIndexOf('.'))
      : undefined;
    const parent = item.parent ?? (dotted && codes.has(dotted) ? dotted : undefined);
    items.push({
      line: item.line,
      code: item.code,
      title: item.title,
      // A dotted code is an item even when its chapter is not in the list (pasted on its own).
      kind: item.kind ?? (parent || dotted ? 'item' : 'chapter'),
      ...(parent ? { parent } : {}),
    });
  }
  return { items, problems };
}

/**
 * Adds the items to a plan-defined framework, creating it first when the plan does not have it
 * yet (`name` is then required, `shortName` optional): one transaction, or nothing when any item
 * is refused.
 */
export function applyFrameworkItems(
  plan: Plan,
  frameworkId: string,
  items: readonly FrameworkItemRow[],
  create?: { name: string; shortName?: string },
): void {
  allOrNothing(plan, (target) => {
    if (!planParts(target.doc).frameworks.has(frameworkId)) {
      if (!create)
        throw new Error(`framework ${frameworkId} is not in this plan; give its name to create it`);
      customFrameworks.create(target, { id: frameworkId, ...create });
    }
    customFrameworks.addItems(
      target,
      frameworkId,
      items.map((item) => ({
        code: item.code,
        title: item.title,
        kind: item.kind,
        ...(item.parent ? { parent: item.parent } : {}),
      })),
    );
  });
}
