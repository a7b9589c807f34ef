import { describe, expect, it } from 'vitest';
import * as comments from './comments';
import { TestPlan } from './testing';

describe('comments', () => {
  it('adds, edits own, deletes own', () => {
    const test = TestPlan.withActions(1);
    const id = comments.add(test.plan, test.actionId(0), 'Who funds this?');
    test.at('2025-06-16T08:00:00.000Z');
    comments.edit(test.plan, test.actionId(0), id, 'Who funds this in 2026?');
    expect(test.snapshot().actions[0]!.comments[0]).toMatchObject({
      authorId: 'member-1',
      authorName: 'Aýna Test',
      text: 'Who funds this in 2026?',
      editedAt: '2025-06-16T08:00:00.000Z',
      deletedAt: null,
    });
    comments.remove(test.plan, test.actionId(0), id);
    expect(test.snapshot().actions[0]!.comments[0]).toMatchObject({
      text: '',
      deletedAt: '2025-06-16T08:00:00.000Z',
    });
  });

  it("refuses to edit or delete someone else's comment", () => {
    const a = TestPlan.withActions(1);
    const id = comments.add(a.plan, a.actionId(0), 'Mine');
    const b = a.replica({ id: 'member-2', name: 'Other' }, 'b-');
    expect(() => comments.edit(b.plan, b.actionId(0), id, 'Not mine')).toThrow(/only its author/);
    expect(() => comments.remove(b.plan, b.actionId(0), id)).toThrow(/only its author/);
  });

  it('refuses an empty comment', () => {
    const test = TestPlan.withActions(1);
    expect(() => comments.add(test.plan, test.actionId(0), '  ')).toThrow(/must not be empty/);
  });
});
