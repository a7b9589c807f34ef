import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import { TestPlan, syncDocs, TEST_ACTOR } from './testing';
import { mapThroughDelta, watchActionText, type TextChange } from './textBinding';

describe('mapThroughDelta', () => {
  it.each([
    ['insert before the caret moves it right', [{ insert: 'ab' }], 3, 5],
    ['insert after the caret leaves it', [{ retain: 5 }, { insert: 'x' }], 3, 3],
    ['insert at the caret moves it right', [{ retain: 3 }, { insert: 'x' }], 3, 4],
    ['delete before the caret moves it left', [{ delete: 2 }], 3, 1],
    ['delete spanning the caret puts it at the cut', [{ retain: 1 }, { delete: 5 }], 3, 1],
    ['delete after the caret leaves it', [{ retain: 4 }, { delete: 2 }], 3, 3],
  ])('%s', (_name, delta, index, expected) => {
    expect(mapThroughDelta(delta, index)).toBe(expected);
  });
});

describe('watchActionText', () => {
  it('reports a remote edit with a caret mapping and a local edit as local', () => {
    const alice = TestPlan.withActions(1);
    const id = alice.actionId(0);
    const bob = alice.replica({ id: 'member-2', name: 'Bob' }, 'bob-');
    const seen: TextChange[] = [];
    const stop = watchActionText(alice.plan, id, 'title', (change) => seen.push(change));
    actions.edit(bob.plan, id, { title: 'New Action 1' });
    syncDocs(alice.doc, bob.doc);
    actions.edit(alice.plan, id, { title: 'New Action 1!' });
    stop();
    expect(seen.map((change) => [change.text, change.local])).toEqual([
      ['Action 1', false],
      ['New Action 1', false],
      ['New Action 1!', true],
    ]);
    expect(seen[1]!.mapIndex(6)).toBe(10);
    expect(TEST_ACTOR.id).toBe('member-1');
  });
});
