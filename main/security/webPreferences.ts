// The one set of webPreferences every Accord window gets (Electron's security checklist). Kept
// in one place, with a test, so a later change cannot quietly weaken one window.
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    // The renderer runs in Chromium's sandbox: no Node, no direct OS access, even if compromised.
    sandbox: true,
    // The preload's world is separate from the page's; only contextBridge values cross.
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Same-origin policy stays on; mixed content stays blocked.
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Dropping a file on the window must not navigate away from the app.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  } as const satisfies WebPreferences;
}
