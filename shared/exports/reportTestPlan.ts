// Plans for export and import tests and the benchmark: one built through the real operations
// (titles in English, Russian and Turkmen, hostile strings on request, links, indicators,
// progress updates, a national plan chapter entered by the owners), and a large plain snapshot.
import { HRAP_FRAMEWORK_ID } from '../frameworks';
import * as actions from '../plan/actions';
import * as customFrameworks from '../plan/customFrameworks';
import * as indicators from '../plan/indicators';
import * as links from '../plan/links';
import * as objectives from '../plan/objectives';
import * as organisations from '../plan/organisations';
import * as progressUpdates from '../plan/progressUpdates';
import type { Action, PlanSnapshot } from '../plan/schema';
import { TEST_NOW, TestPlan } from '../plan/testing';

export const RUSSIAN_TITLE = 'Искоренение принудительного труда при сборе хлопка';
export const TURKMEN_TITLE = 'Işçileriň hukuklaryny goramak: ňžşýäöüç ŇŽŞÝÄÖÜÇ';
export const HOSTILE_TITLES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","click")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '\tcmd',
  "'quoted",
] as const;

/** A plan with three objectives, three organisations and five actions at various stages. */
export function reportTestPlan(options: { hostile?: boolean } = {}): TestPlan {
  const test = TestPlan.empty();
  const plan = test.plan;
  const rights = objectives.create(plan, { title: 'Labour rights' });
  const cotton = objectives.create(plan, { title: 'Хлопок без принудительного труда' });
  const workers = objectives.create(plan, { title: 'Zähmet hukuklary' });
  const ministry = organisations.create(plan, { name: 'Ministry of Labour', kind: 'government' });
  const ilo = organisations.create(plan, { name: 'ILO', kind: 'international' });
  const union = organisations.create(plan, {
    name: 'Türkmenistanyň Kärdeşler arkalaşyklary',
    kind: 'civil_society',
  });
  customFrameworks.create(plan, {
    id: HRAP_FRAMEWORK_ID,
    name: 'National Human Rights Action Plan 2021-2025',
  });
  customFrameworks.addItems(plan, HRAP_FRAMEWORK_ID, [
    { code: '1', title: 'Civil and political rights', kind: 'chapter' },
    { code: '2', title: 'Social and economic rights', kind: 'chapter' },
  ]);

  const a1 = actions.create(plan, {
    title: 'Labour inspection reform',
    objectiveId: rights,
    leadOrgId: ministry,
    partnerOrgIds: [ilo],
    start: '2024-01-01',
    deadline: '2025-12-31',
    description: 'Train inspectors; publish an annual report.',
    priority: 'high',
  });
  links.link(plan, a1, 'sdg8', '8.8');
  links.link(plan, a1, HRAP_FRAMEWORK_ID, '2');
  progressUpdates.add(plan, a1, {
    at: '2025-01-15',
    status: 'in_progress',
    progress: 30,
    note: 'Started',
  });
  progressUpdates.add(plan, a1, {
    at: '2025-05-20',
    status: 'in_progress',
    progress: 60,
    note: 'Half the regions',
    evidence: ['https://example.org/report.pdf'],
  });
  const indicator = indicators.add(plan, a1, {
    name: 'Inspectors trained',
    unit: 'people',
    baseline: 0,
    target: 200,
    frequency: 'annual',
  });
  indicators.recordValue(plan, a1, indicator, { period: '2024', value: 80 });
  indicators.recordValue(plan, a1, indicator, { period: '2025', value: 150 });

  const a2 = actions.create(plan, {
    title: RUSSIAN_TITLE,
    objectiveId: cotton,
    leadOrgId: ilo,
    start: '2023-01-01',
    deadline: '2024-12-31',
  });
  links.link(plan, a2, 'sdg8', '8.7');
  progressUpdates.add(plan, a2, {
    at: '2024-06-01',
    status: 'delayed',
    progress: 40,
    note: 'Сезон сбора',
  });

  const a3 = actions.create(plan, {
    title: TURKMEN_TITLE,
    objectiveId: workers,
    leadOrgId: union,
    start: '2025-01-01',
    deadline: '2026-06-30',
  });
  links.link(plan, a3, 'sdg8', '8.5');
  progressUpdates.add(plan, a3, { at: '2025-03-01', status: 'completed', progress: 100 });

  actions.create(plan, { title: 'Draft without dates', objectiveId: rights });
  const removed = actions.create(plan, { title: 'Dropped idea', objectiveId: rights });
  actions.remove(plan, removed);

  if (options.hostile) {
    for (const title of HOSTILE_TITLES) {
      const id = actions.create(plan, {
        title,
        objectiveId: rights,
        leadOrgId: ministry,
        contact: title,
      });
      progressUpdates.add(plan, id, {
        at: '2025-02-01',
        status: 'in_progress',
        progress: 10,
        note: title,
      });
    }
    objectives.create(plan, { title: HOSTILE_TITLES[1] });
    organisations.create(plan, { name: HOSTILE_TITLES[0], kind: 'other' });
  }
  return test;
}

export const EVIDENCE_URL = 'https://www.ilo.org/report.pdf';
/** Progress update notes the HTML and PDF reports must show, with their dates. */
export const UPDATE_NOTES = {
  english: { at: '2025-06-01', note: 'First cohort trained in Aşgabat' },
  russian: { at: '2025-04-10', note: 'Первая группа инспекторов обучена в Ашхабаде' },
  turkmen: { at: '2025-03-20', note: 'Inspektorlar taýýarlandy: ňžşýäöüç ŇŽŞÝÄÖÜÇ' },
  /** before the first half of 2025, so a report of that period leaves it out */
  before: { at: '2024-11-05', note: 'Preparations before the period' },
  /** after the first half of 2025 */
  after: { at: '2025-08-20', note: 'Second cohort after the period' },
} as const;
export const HOSTILE_NOTES = [
  '<script>alert("note")</script>',
  '"><img src=y onerror=alert(2)>',
] as const;

/**
 * `reportTestPlan` with more progress updates: the notes of UPDATE_NOTES on its first three
 * actions (the English one with evidence, one link hostile), and HOSTILE_NOTES on the first.
 */
export function reportTestPlanWithNotes(options: { hostile?: boolean } = {}): TestPlan {
  const test = reportTestPlan(options);
  const byTitle = (title: string) => test.snapshot().actions.find((a) => a.title === title)!;
  const [first, second, third] = [
    byTitle('Labour inspection reform'),
    byTitle(RUSSIAN_TITLE),
    byTitle(TURKMEN_TITLE),
  ];
  const { english, russian, turkmen, before, after } = UPDATE_NOTES;
  progressUpdates.add(test.plan, first.id, {
    ...english,
    status: 'in_progress',
    progress: 70,
    evidence: [EVIDENCE_URL, 'https://example.org/a?q="><img src=x onerror=alert(3)>'],
  });
  progressUpdates.add(test.plan, first.id, { ...before, status: 'planned', progress: 0 });
  // a report is written on or after its day (progressUpdates refuses one dated later)
  test.at(`${after.at}T12:00:00.000Z`);
  progressUpdates.add(test.plan, first.id, { ...after, status: 'in_progress', progress: 80 });
  test.at(TEST_NOW);
  progressUpdates.add(test.plan, second.id, { ...russian, status: 'delayed', progress: 45 });
  progressUpdates.add(test.plan, third.id, { ...turkmen, status: 'in_progress', progress: 50 });
  for (const note of HOSTILE_NOTES)
    progressUpdates.add(test.plan, first.id, {
      at: '2025-02-10',
      status: 'in_progress',
      progress: 35,
      note,
    });
  return test;
}

/**
 * A large plain snapshot for the benchmark: `actionCount` actions over 20 objectives and 50
 * organisations, `updateCount` progress updates spread over them, two indicators per tenth action.
 */
export function largeSnapshot(actionCount: number, updateCount: number): PlanSnapshot {
  const base = reportTestPlan().snapshot();
  const at = '2025-01-01T00:00:00.000Z';
  const objectiveList = Array.from({ length: 20 }, (_, i) => ({
    id: `objective-${i}`,
    title: i % 2 === 0 ? `Objective ${i + 1}: decent work` : `Цель ${i + 1}: достойный труд`,
    order: `a${String(i).padStart(3, '0')}`,
    deletedAt: null,
  }));
  const orgList = Array.from({ length: 50 }, (_, i) => ({
    id: `org-${i}`,
    name: `Organisation ${String(i).padStart(2, '0')} ýaşaýyş`,
    kind: 'government' as const,
    country: 'TM',
    contact: '',
  }));
  const statuses = ['planned', 'in_progress', 'completed', 'delayed', 'cancelled'] as const;
  const targets = ['8.1', '8.2', '8.3', '8.5', '8.6', '8.7', '8.8', '8.10'];
  const perAction = Math.floor(updateCount / actionCount);
  let extra = updateCount - perAction * actionCount;
  const actionList: Action[] = Array.from({ length: actionCount }, (_, i) => {
    const objective = i % objectiveList.length;
    const count = perAction + (extra-- > 0 ? 1 : 0);
    const updates = Array.from({ length: count }, (_, u) => ({
      id: `update-${i}-${u}`,
      at: `2025-${String((u % 12) + 1).padStart(2, '0')}-15`,
      authorId: 'member-1',
      authorName: 'Aýna',
      status: statuses[(i + u) % 4]!,
      progress: Math.min(100, (u + 1) * 20),
      note: `Progress report ${u + 1}: ишчилер, işçiler`,
      evidence: [],
    }));
    return {
      id: `action-${String(i).padStart(5, '0')}`,
      ref: `${objective + 1}.${Math.floor(i / objectiveList.length) + 1}`,
      title:
        i % 3 === 0
          ? `Action ${i}: ${RUSSIAN_TITLE}`
          : i % 3 === 1
            ? `Action ${i}: ${TURKMEN_TITLE}`
            : `Action ${i}: labour inspection in region ${i % 7}`,
      description: 'A longer description of what the action does and who benefits from it.',
      objectiveId: objectiveList[objective]!.id,
      order: `a${String(i).padStart(5, '0')}`,
      leadOrgId: orgList[i % orgList.length]!.id,
      partnerOrgIds: [
        orgList[(i + 1) % orgList.length]!.id,
        orgList[(i + 7) % orgList.length]!.id,
      ].sort(),
      contact: 'focal.point@example.org',
      start: '2024-01-01',
      deadline: `${2024 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-28`,
      status: statuses[i % statuses.length]!,
      progress: (i * 7) % 101,
      stage: i % 4 === 0 ? 'proposed' : 'agreed',
      endorsements: [],
      priority: null,
      links: [`sdg8:${targets[i % targets.length]}`],
      indicators:
        i % 10 === 0
          ? [0, 1].map((k) => ({
              id: `indicator-${i}-${k}`,
              name: `Indicator ${k + 1}`,
              unit: '%',
              baseline: 10,
              target: 90,
              frequency: 'annual' as const,
              values: [
                { period: '2024', value: 30 + k, note: '', by: 'member-1', at },
                { period: '2025', value: 50 + k, note: '', by: 'member-1', at },
              ],
            }))
          : [],
      budget: { amount: 1000 + i, currency: 'USD', source: 'Donor fund' },
      comments: [],
      updates,
      createdAt: at,
      createdBy: 'member-1',
      updatedAt: at,
      updatedBy: 'member-1',
      deletedAt: null,
      deletedBy: null,
    };
  });
  return {
    ...base,
    meta: { ...base.meta, title: 'Large plan' },
    objectives: objectiveList,
    orgs: orgList,
    actions: actionList,
  };
}
