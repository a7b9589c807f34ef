import { describe, expect, it } from 'vitest';
import { lazyWorkshopController } from './lazyWorkshopController';
import type { WorkshopController } from './workshopController';

const request = { planId: 'plan-1', title: 'Plan', hostName: 'Host', hostOrganisation: '' };
const loaded: WorkshopController = {
  start: () => Promise.reject(new Error('started')),
  status: () => Promise.resolve(null),
  stop: () => Promise.resolve(),
};

describe('lazy workshop controller', () => {
  it('loads nothing to report status or to stop when nothing was hosted', async () => {
    let loads = 0;
    const lazy = lazyWorkshopController(async () => (loads++, loaded));
    expect(await lazy.status()).toBeNull();
    await lazy.stop();
    expect(loads).toBe(0);
  });

  it('loads the server code once, on the first start', async () => {
    let loads = 0;
    const lazy = lazyWorkshopController(async () => (loads++, loaded));
    await expect(lazy.start(request)).rejects.toThrow('started');
    await expect(lazy.start(request)).rejects.toThrow('started');
    expect(loads).toBe(1);
  });

  it('turns a server that cannot load (a native module built for another ABI) into a failed start, and tries again next time', async () => {
    let loads = 0;
    const lazy = lazyWorkshopController(async () => {
      loads++;
      throw new Error('better_sqlite3.node was compiled against a different Node.js version');
    });
    await expect(lazy.start(request)).rejects.toThrow(/different Node/);
    await expect(lazy.start(request)).rejects.toThrow(/different Node/);
    expect(await lazy.status()).toBeNull();
    expect(loads).toBe(2);
  });
});
