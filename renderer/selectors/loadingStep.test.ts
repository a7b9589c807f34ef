import { describe, expect, it } from 'vitest';
import { loadingStep } from './loadingStep';

describe('loadingStep', () => {
  it.each([
    [{ shown: false, live: false, waitingForServer: true, sync: 'connecting' }, null],
    [{ shown: true, live: true, waitingForServer: false, sync: 'saved' }, null],
    [{ shown: true, live: false, waitingForServer: false, sync: 'connecting' }, 'computer'],
    [{ shown: true, live: false, waitingForServer: true, sync: 'connecting' }, 'connecting'],
    [{ shown: true, live: false, waitingForServer: true, sync: 'offline' }, 'connecting'],
    [{ shown: true, live: false, waitingForServer: true, sync: 'syncing' }, 'receiving'],
    [{ shown: true, live: false, waitingForServer: true, sync: 'upToDate' }, 'opening'],
    [{ shown: true, live: false, waitingForServer: true, sync: 'saved' }, 'opening'],
  ] as const)('%o is %s', (state, step) => {
    expect(loadingStep(state)).toBe(step);
  });
});
