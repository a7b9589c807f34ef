// `npm run bench -- layout`: how big a plan's document is in today's layout against a "floor"
// (the same content as one plain object per action in a Y.Map) and against candidate layouts
// for the next schema (per-language text, a smaller document; shared/plan/LAYOUT.md). The plan
// is the test builder's (TestPlan.withPlanContent); candidates store the same snapshot. Also
// where today's bytes go (each cost removed in turn) and what edits add. Measures only.
import * as Y from 'yjs';
import { gzipSync } from 'node:zlib';
import * as actions from '../../shared/plan/actions';
import { ACTION } from '../../shared/plan/layout';
import { change, openPlan, planParts } from '../../shared/plan/plan';
import { restoreSnapshot } from '../../shared/plan/restore';
import type { Action, PlanSnapshot } from '../../shared/plan/schema';
import { TestPlan } from '../../shared/plan/testing';

const ACTIONS = Number(process.env.BENCH_LAYOUT_ACTIONS ?? 10_000);
/** Share of actions translated into Russian in the per-language rows. */
const TRANSLATED_EVERY = 5;

/** How a candidate stores an action; every option off is today's layout. */
interface Layout {
  readonly name: string;
  /** text fields stored as plain strings (replaced whole) instead of Y.Text */
  readonly plainText?: readonly ('title' | 'description')[];
  /** sets and nested maps as flat keys of the action (`p:orgId`, `l:sdg8:8.7`) and top-level maps */
  readonly flat?: boolean;
  /** fields at their default (null, '', [], 0, `planned`, `updatedAt` = `createdAt`) not written */
  readonly omitDefaults?: boolean;
  /** field names of one or two letters */
  readonly shortKeys?: boolean;
  /** every text field has a Y.Text per plan language (eager), or only per language written */
  readonly languages?: 'eager' | 'used';
  /** progress updates and comments stored as plain records (replaced whole) */
  readonly recordEntries?: boolean;
}

const FIELD_NAMES = Object.keys(ACTION.fields);
const SHORT = new Map(FIELD_NAMES.map((name, index) => [name, String.fromCharCode(97 + index)]));
const TRANSLATABLE = new Set(['title', 'description']);

function key(layout: Layout, name: string): string {
  return layout.shortKeys ? (SHORT.get(name) ?? name) : name;
}

function isDefault(action: Action, name: keyof Action): boolean {
  const value = action[name];
  if (name === 'updatedAt') return value === action.createdAt;
  if (name === 'updatedBy') return value === action.createdBy;
  if (name === 'status') return value === 'planned';
  if (name === 'stage') return value === 'proposed';
  return value === null || value === '' || value === 0 || (Array.isArray(value) && !value.length);
}

function text(value: string): Y.Text {
  const out = new Y.Text();
  if (value) out.insert(0, value);
  return out;
}

function writeAction(
  layout: Layout,
  parts: ReturnType<typeof planParts>,
  nested: Map<string, Y.Map<unknown>>,
  action: Action,
  index: number,
): void {
  const map = new Y.Map<unknown>();
  for (const name of FIELD_NAMES as (keyof Action)[]) {
    if (name === 'id') continue;
    const value = action[name];
    if (layout.omitDefaults && isDefault(action, name)) continue;
    const k = key(layout, name);
    if (TRANSLATABLE.has(name)) {
      const plain = layout.plainText?.includes(name as 'title');
      const store = (v: string) => (plain ? v : text(v));
      const russian = index % TRANSLATED_EVERY === 0 && value ? `RU ${String(value)}` : null;
      if (layout.languages === 'eager') {
        map.set(`${k}.en`, store(String(value)));
        map.set(`${k}.ru`, store(russian ?? ''));
        map.set(`${k}.tk`, store(''));
      } else {
        map.set(k, store(String(value)));
        if (layout.languages === 'used' && russian) map.set(`${k}.ru`, store(russian));
      }
      continue;
    }
    const set = (keys: readonly string[], prefix: string) => {
      if (layout.flat) for (const member of keys) map.set(`${prefix}:${member}`, true);
      else {
        const inner = new Y.Map<unknown>();
        for (const member of keys) inner.set(member, true);
        map.set(k, inner);
      }
    };
    switch (name) {
      case 'partnerOrgIds':
        set(action.partnerOrgIds, 'p');
        break;
      case 'links':
        set(action.links, 'l');
        break;
      case 'endorsements':
        if (layout.flat)
          for (const e of action.endorsements) map.set(`e:${e.orgId}`, { by: e.by, at: e.at });
        else {
          const inner = new Y.Map<unknown>();
          for (const e of action.endorsements) inner.set(e.orgId, { by: e.by, at: e.at });
          map.set(k, inner);
        }
        break;
      case 'indicators':
      case 'comments':
      case 'updates': {
        const entries = action[name] as { id: string }[];
        const target = layout.flat ? nested.get(name)! : new Y.Map<unknown>();
        for (const entry of entries) {
          const { id, ...fields } = entry as Record<string, unknown> & { id: string };
          const entryKey = layout.flat ? `${action.id}/${id}` : id;
          if (layout.recordEntries && name !== 'indicators') {
            target.set(entryKey, fields);
            continue;
          }
          const inner = new Y.Map<unknown>();
          for (const [field, v] of Object.entries(fields)) {
            if (field === 'values') {
              const values = new Y.Map<unknown>();
              for (const { period, ...rest } of v as { period: string }[]) values.set(period, rest);
              inner.set(field, values);
            } else inner.set(field, v);
          }
          target.set(entryKey, inner);
        }
        if (!layout.flat) map.set(k, target);
        break;
      }
      default:
        map.set(k, value);
    }
  }
  parts.actions.set(action.id, map);
}

/** The snapshot's actions stored in `layout` (meta, objectives and organisations as today). */
function store(layout: Layout, snapshot: PlanSnapshot): Y.Doc {
  const plan = openPlan(new Y.Doc(), { actor: { id: 'bench', name: 'Bench' } });
  restoreSnapshot(plan, { ...snapshot, actions: [] });
  change(plan, () => {
    const parts = planParts(plan.doc);
    const nested = new Map(
      ['indicators', 'comments', 'updates'].map((name) => [name, plan.doc.getMap<unknown>(name)]),
    );
    snapshot.actions.forEach((action, index) => writeAction(layout, parts, nested, action, index));
  });
  return plan.doc;
}

/**
 * The floor: one plain object per action (no Y.Text, no nested shared types), every field
 * written, or (`sparse`) only those not at their default.
 */
function floor(snapshot: PlanSnapshot, sparse = false): Y.Doc {
  const plan = openPlan(new Y.Doc(), { actor: { id: 'bench', name: 'Bench' } });
  restoreSnapshot(plan, { ...snapshot, actions: [] });
  change(plan, () => {
    for (const action of snapshot.actions) {
      const fields = Object.entries(action).filter(
        ([name]) => name !== 'id' && !(sparse && isDefault(action, name as keyof Action)),
      );
      plan.doc.getMap<unknown>('actions').set(action.id, Object.fromEntries(fields));
    }
  });
  return plan.doc;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

function row(name: string, doc: Y.Doc, floorBytes: number): string {
  const v1 = Y.encodeStateAsUpdate(doc).length;
  const v2 = Y.encodeStateAsUpdateV2(doc).length;
  return `| ${name} | ${mb(v1)} | ${(v1 / floorBytes).toFixed(2)}x | ${mb(v2)} | ${Math.round(v1 / ACTIONS)} |`;
}

const TODAY: Layout = { name: 'today, as written by this benchmark (check)' };
const COSTS: Layout[] = [
  { name: 'without Y.Text for titles', plainText: ['title'] },
  { name: 'without Y.Text for titles and descriptions', plainText: ['title', 'description'] },
  { name: 'without empty nested maps (flat keys, top-level entity maps)', flat: true },
  { name: 'without fields at their default', omitDefaults: true },
  { name: 'with one-letter field names', shortKeys: true },
];
const CANDIDATES: Layout[] = [
  {
    name: '(a) naive: Y.Text per language, all three always',
    languages: 'eager',
  },
  {
    name: '(a) Y.Text per language written (20% with Russian)',
    languages: 'used',
  },
  {
    name: '(b) flat + defaults omitted',
    flat: true,
    omitDefaults: true,
  },
  {
    name: '(b) flat + defaults omitted + records for comments/updates',
    flat: true,
    omitDefaults: true,
    recordEntries: true,
  },
  {
    name: '(a)+(b) proposed: flat, defaults omitted, records, titles plain, languages used',
    flat: true,
    omitDefaults: true,
    recordEntries: true,
    plainText: ['title'],
    languages: 'used',
  },
  {
    name: '(a)+(b) as proposed, Y.Text titles kept',
    flat: true,
    omitDefaults: true,
    recordEntries: true,
    languages: 'used',
  },
  {
    name: '(a)+(b) as proposed, with one-letter names',
    flat: true,
    omitDefaults: true,
    recordEntries: true,
    plainText: ['title'],
    languages: 'used',
    shortKeys: true,
  },
];

/** Bytes `edit` adds to the document, per action edited (on the first 1,000 actions). */
function growth(test: TestPlan, edit: (id: string) => void): number {
  const before = Y.encodeStateAsUpdate(test.doc).length;
  const ids = test
    .snapshot()
    .actions.slice(0, 1000)
    .map((action) => action.id);
  for (const id of ids) edit(id);
  return (Y.encodeStateAsUpdate(test.doc).length - before) / ids.length;
}

export async function run(): Promise<void> {
  const built = TestPlan.withPlanContent(ACTIONS);
  const snapshot = built.snapshot();
  const floorDoc = floor(snapshot);
  const floorBytes = Y.encodeStateAsUpdate(floorDoc).length;
  const json = Buffer.from(JSON.stringify(snapshot));
  console.log(
    `Plan document of ${ACTIONS} actions (TestPlan.withPlanContent), sizes in MB (10^6 bytes)\n`,
  );
  console.log(`- snapshot as JSON: ${mb(json.length)} MB, gzipped ${mb(gzipSync(json).length)} MB`);
  console.log(`- floor (one plain object per action in a Y.Map): ${mb(floorBytes)} MB\n`);
  console.log('| layout | update v1 | x floor | update v2 | bytes per action |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(row('floor', floorDoc, floorBytes));
  console.log(row('floor, fields at their default left out', floor(snapshot, true), floorBytes));
  console.log(row('today, as the operations built it', built.doc, floorBytes));
  const restored = openPlan(new Y.Doc(), { actor: { id: 'bench', name: 'Bench' } });
  restoreSnapshot(restored, snapshot);
  console.log(row('today, restored from the snapshot', restored.doc, floorBytes));
  for (const layout of [TODAY, ...COSTS, ...CANDIDATES])
    console.log(row(layout.name, store(layout, snapshot), floorBytes));

  console.log("\nWhat edits add to today's document, bytes per action edited (1,000 actions):\n");
  console.log('| edit | bytes |');
  console.log('| --- | ---: |');
  let status = 0;
  console.log(
    `| status changed (field + updatedAt + updatedBy) | ${growth(built, (id) =>
      actions.edit(built.plan, id, { status: status++ % 2 ? 'delayed' : 'completed' }),
    ).toFixed(0)} |`,
  );
  console.log(
    `| title: one character typed | ${growth(built, (id) => {
      const title = built.snapshot().actions.find((a) => a.id === id)!.title;
      actions.edit(built.plan, id, { title: `${title}x` });
    }).toFixed(0)} |`,
  );
  console.log(
    `| title: one character typed into the Y.Text alone (no updatedAt/By) | ${growth(built, (id) =>
      change(built.plan, () => {
        const title = actions.action(built.plan, id).get('title') as Y.Text;
        title.insert(title.length, 'z');
      }),
    ).toFixed(0)} |`,
  );
  console.log(
    `| title: 20 characters typed one by one | ${growth(built, (id) => {
      const base = built.snapshot().actions.find((a) => a.id === id)!.title;
      for (let i = 1; i <= 20; i++) actions.edit(built.plan, id, { title: base + 'y'.repeat(i) });
    }).toFixed(0)} |`,
  );
}
