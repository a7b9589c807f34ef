// The name under which the preload exposes the desktop API (shared/ipc.ts DESKTOP_API_GLOBAL),
// repeated here so the web build need not load the IPC contract and its validators to find out
// it is not on the desktop; desktopGlobal.test.ts keeps the two equal.
export const DESKTOP_GLOBAL_NAME = 'accord';
