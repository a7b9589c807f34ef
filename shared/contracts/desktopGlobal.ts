// The global the preload defines (`window.accord`). Apart from the IPC map (shared/contracts/ipc.ts) so the
// web build can find out it is not on the desktop without loading that map's validators (zod).
export const DESKTOP_API_GLOBAL = 'accord';
