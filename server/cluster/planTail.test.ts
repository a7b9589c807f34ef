import { describe, expect, it } from 'vitest';
import { PlanTail, type TailDecision } from './planTail';

type Step =
  | readonly ['receive', number, number, TailDecision]
  | readonly ['committed', readonly number[]]
  | readonly ['saw', number]
  | readonly ['repaired', number];

/** Each case: loaded-through, steps, then what is held and whether a gap remains. */
const cases: readonly (readonly [string, number, readonly Step[], number, boolean])[] = [
  [
    '[CL1] in-order entries advance',
    0,
    [
      ['receive', 1, 1, 'apply'],
      ['receive', 2, 3, 'apply'],
    ],
    3,
    false,
  ],
  [
    '[CL1] a duplicate entry is skipped',
    0,
    [
      ['receive', 1, 2, 'apply'],
      ['receive', 1, 2, 'skip'],
    ],
    2,
    false,
  ],
  [
    '[CL1] what the node loaded is skipped',
    5,
    [
      ['receive', 3, 5, 'skip'],
      ['receive', 4, 6, 'apply'],
    ],
    6,
    false,
  ],
  [
    '[CL1] own commits are skipped when they come back',
    0,
    [
      ['committed', [1, 2]],
      ['receive', 1, 2, 'skip'],
    ],
    2,
    false,
  ],
  [
    '[CL2] an entry out of order leaves a gap until the earlier one comes',
    0,
    [['receive', 2, 2, 'apply']],
    0,
    true,
  ],
  [
    '[CL2] the late entry closes the gap',
    0,
    [
      ['receive', 3, 3, 'apply'],
      ['receive', 1, 2, 'apply'],
    ],
    3,
    false,
  ],
  [
    '[CL2] own commit between remote ones',
    0,
    [
      ['receive', 1, 1, 'apply'],
      ['committed', [3]],
      ['receive', 2, 2, 'apply'],
    ],
    3,
    false,
  ],
  ['[CL3] PostgreSQL being ahead is a gap', 4, [['saw', 7]], 4, true],
  [
    '[CL3] a repair closes the gap',
    4,
    [
      ['receive', 6, 6, 'apply'],
      ['saw', 9],
      ['repaired', 9],
    ],
    9,
    false,
  ],
  [
    '[CL3] an entry already repaired is skipped',
    0,
    [
      ['repaired', 5],
      ['receive', 4, 5, 'skip'],
    ],
    5,
    false,
  ],
];

describe('plan tail', () => {
  it.each(cases)('%s', (_name, loaded, steps, heldThrough, hasGap) => {
    const tail = new PlanTail(loaded);
    for (const step of steps) {
      if (step[0] === 'receive') expect(tail.receive(step[1], step[2])).toBe(step[3]);
      else if (step[0] === 'committed') tail.committed(step[1]);
      else if (step[0] === 'saw') tail.saw(step[1]);
      else tail.repaired(step[1]);
    }
    expect(tail.heldThrough).toBe(heldThrough);
    expect(tail.hasGap).toBe(hasGap);
  });
});
