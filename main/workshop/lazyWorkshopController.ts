// Loads the workshop server's code on first use. The sync server brings a native module
// (better-sqlite3) that must be built for Electron's ABI; loading it at startup would let a
// missing or mismatched build stop the whole app, where it should only stop hosting (the start
// then fails with a reason the dialog shows). Also keeps startup from loading code most sessions
// never run.
import type { WorkshopController } from './workshopController';

export function lazyWorkshopController(
  load: () => Promise<WorkshopController>,
): WorkshopController {
  let loaded: Promise<WorkshopController> | null = null;
  const controller = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null; // a later attempt (after a fix, say) loads again
      throw error;
    });
    return loaded;
  };
  return {
    start: async (request) => (await controller()).start(request),
    // Nothing loaded means nothing is hosted: no need to load the server to say so.
    status: async () => (loaded ? (await loaded).status() : null),
    stop: async () => {
      if (loaded) await (await loaded).stop();
    },
  };
}
