// What a page may navigate to or open. The window only ever shows app://accord; links to trusted
// sites open in the system browser; everything else is dropped.
import { isAppUrl } from './appOrigin';
import { trustedExternalUrl } from './trustedUrl';

export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** The parts of Electron's WebContents that hardening needs (an edge tests can fake). */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export type OpenExternal = (url: string) => void;

/** Stays in the app for app:// URLs; otherwise blocks, opening trusted links outside. */
export function decideNavigation(url: string): 'allow' | 'deny' {
  return isAppUrl(url) ? 'allow' : 'deny';
}

export function hardenNavigation(contents: HardenableContents, openExternal: OpenExternal): void {
  const guard = (event: NavigationEvent) => {
    if (decideNavigation(event.url) === 'allow') return;
    event.preventDefault();
    const external = trustedExternalUrl(event.url);
    if (external) openExternal(external);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  // webviewTag is off; this catches it being turned on by mistake.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new Electron windows, ever: window.open and target=_blank go to the system browser if
  // trusted and nowhere otherwise.
  contents.setWindowOpenHandler(({ url }) => {
    const external = trustedExternalUrl(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
}
