import { describe, expect, it } from 'vitest';
import * as actions from '../../shared/plan/actions';
import * as organisations from '../../shared/plan/organisations';
import * as progressUpdates from '../../shared/plan/progressUpdates';
import { TestPlan } from '../../shared/plan/testing';
import { NO_FILTERS } from '../state/viewState';
import { tableRows } from './actionRows';

const TODAY = '2025-06-15';

describe('tableRows', () => {
  it('puts a header before each objective and filters by text', () => {
    const test = TestPlan.withActions(3);
    actions.edit(test.plan, test.actionId(1), { title: 'Inspect brick kilns' });
    const all = tableRows(test.snapshot(), NO_FILTERS, 'order', false, TODAY);
    expect(all.map((row) => row.kind)).toEqual(['objective', 'action', 'action', 'action']);
    const found = tableRows(
      test.snapshot(),
      { ...NO_FILTERS, text: 'kiln' },
      'order',
      false,
      TODAY,
    );
    expect(found.filter((row) => row.kind === 'action')).toHaveLength(1);
  });

  it('sorts within the objective by title, descending', () => {
    const test = TestPlan.withActions(3);
    const rows = tableRows(test.snapshot(), NO_FILTERS, 'title', true, TODAY);
    expect(rows.flatMap((row) => (row.kind === 'action' ? [row.action.title] : []))).toEqual([
      'Action 3',
      'Action 2',
      'Action 1',
    ]);
  });

  it('finds an untitled action by the placeholder the reader sees, in their language only', () => {
    const test = TestPlan.withActions(2);
    actions.create(test.plan, { objectiveId: test.snapshot().objectives[0]!.id });
    const found = (text: string, placeholder: string) =>
      tableRows(test.snapshot(), { ...NO_FILTERS, text }, 'order', false, TODAY, placeholder)
        .filter((row) => row.kind === 'action')
        .map((row) => (row.kind === 'action' ? row.action.title : null));
    expect(found('täze', 'Täze çäre')).toEqual(['']);
    expect(found('new action', 'Täze çäre')).toEqual([]);
  });

  it('finds actions by title without accents, by organisation and by progress note', () => {
    const test = TestPlan.withActions(4);
    const [kiln, youth, partnered, reported] = [0, 1, 2, 3].map((i) => test.actionId(i));
    actions.edit(test.plan, kiln!, { title: 'Inspect brick kilns' });
    actions.edit(test.plan, youth!, { title: 'Ýaşlar üçin iş orunlary' });
    const union = organisations.create(test.plan, {
      name: 'Kärdeşler arkalaşyklary',
      kind: 'civil_society',
    });
    actions.addPartner(test.plan, partnered!, union);
    progressUpdates.add(test.plan, reported!, {
      at: '2025-05-01',
      status: 'in_progress',
      progress: 20,
      note: 'Первая группа обучена в Ашхабаде',
    });
    const found = (text: string) =>
      tableRows(test.snapshot(), { ...NO_FILTERS, text }, 'order', false, TODAY).flatMap((row) =>
        row.kind === 'action' ? [row.action.id] : [],
      );
    expect(found('yaslar')).toEqual([youth]);
    expect(found('KILN inspect')).toEqual([kiln]);
    expect(found('kardesler')).toEqual([partnered]);
    expect(found('ministry of labour')).toHaveLength(4); // the lead organisation of all four
    expect(found('ашхабаде обучена')).toEqual([reported]);
  });

  it('filters to the actions due in the next 30 days, as the dashboard lists them', () => {
    const test = TestPlan.withActions(4);
    const [soon, later, done, past] = [0, 1, 2, 3].map((i) => test.actionId(i));
    actions.edit(test.plan, soon!, { deadline: '2025-07-15' });
    actions.edit(test.plan, later!, { deadline: '2025-07-16' });
    actions.edit(test.plan, done!, { deadline: '2025-06-20', status: 'completed', progress: 100 });
    actions.edit(test.plan, past!, { deadline: '2025-06-14' });
    const rows = tableRows(
      test.snapshot(),
      { ...NO_FILTERS, dueSoonOnly: true },
      'order',
      false,
      TODAY,
    );
    expect(rows.flatMap((row) => (row.kind === 'action' ? [row.action.id] : []))).toEqual([soon]);
  });
});
