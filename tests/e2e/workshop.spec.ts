// Hosting a workshop from the desktop app, with the real workshop server (main/workshop) in the
// test process standing in for Electron's main process: the page gets `window.accord`'s workshop
// functions through Playwright's exposeFunction, as the preload would give them. The host drafts
// a plan, opens File > Host a workshop, starts; a participant opens the join link in another
// browser, joins and sees the plan; the host's dialog lists them; Stop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../server/ops/log';
import type { StartWorkshopRequest } from '../../shared/contracts/ipc';
import { createWorkshopController } from '../../main/workshop/workshopController';
import en from '../../shared/i18n/ui/en';
import ru from '../../shared/i18n/ui/ru';
import { expect, joinInBrowser, test, WEB_ROOT, createLocalPlan } from './fixtures';
import { pageStorageText, standInKeychain } from './keychainStandIn';

test('the host starts a workshop, a participant joins by its link, and the host sees who joined', async ({
  accord,
  browser,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-e2e-workshop-'));
  const workshop = createWorkshopController({
    // The page keeps this plan in IndexedDB, which main cannot read: the host's app uploads it
    // as the plan's owner once it is attached, which is the path under test here.
    store: {
      list: async () => [],
      load: async () => null,
      append: async () => undefined,
      describe: async () => undefined,
      remove: async () => undefined,
    },
    dataDir,
    webRoot: WEB_ROOT,
    // No LAN in a test: the dialog falls back to the loopback link.
    interfaces: () => ({}),
    log: silentLogger,
    listenAddress: '127.0.0.1',
    port: 0,
  });
  try {
    const host = await (await browser.newContext()).newPage();
    await host.exposeFunction('__startWorkshop', (request: StartWorkshopRequest) =>
      workshop
        .start(request)
        .then((started) => ({ ok: true, ...started }))
        .catch(() => ({ ok: false, reason: 'failed' })),
    );
    await host.exposeFunction('__workshopStatus', () => workshop.status());
    await host.exposeFunction('__stopWorkshop', () => workshop.stop().then(() => null));
    await host.addInitScript(() => {
      const page = window as unknown as Record<string, (...args: unknown[]) => unknown>;
      let menu: ((command: string) => void) | null = null;
      Object.assign(window, {
        accord: {
          startWorkshop: (request: unknown) => page.__startWorkshop!(request),
          workshopStatus: () => page.__workshopStatus!(),
          stopWorkshop: () => page.__stopWorkshop!(),
          onMenuCommand: (listener: (command: string) => void) => {
            menu = listener;
            return () => (menu = null);
          },
        },
        __menu: (command: string) => menu?.(command),
      });
    });
    const keychain = await standInKeychain(host, { keychain: true });

    await createLocalPlan(host, accord.url, 'Workshop on decent work');
    await host.getByRole('button', { name: '+ Add objective' }).click();
    await host.getByRole('button', { name: '+ Add action' }).first().click();
    await host.keyboard.type('Inspect cotton harvest recruitment');
    await host.keyboard.press('Enter');
    await expect(host.locator('.action-row')).toContainText('Inspect cotton harvest');

    // File > Host a workshop…
    await host.evaluate(() =>
      (window as unknown as { __menu: (c: string) => void }).__menu('hostWorkshop'),
    );
    const dialog = host.getByRole('dialog', { name: 'Host a workshop' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Your name').fill('Aýna');
    await dialog.getByLabel('Your organisation').fill('Ministry of Labour');
    await dialog.getByRole('button', { name: 'Start hosting' }).click();

    const link = dialog.getByLabel('Join link');
    await expect(link).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#\/join\?plan=.+&code=.+$/);
    await expect(dialog.getByRole('img', { name: 'QR code of the join link' })).toBeVisible();
    await expect(dialog.getByText('Nobody has joined yet.')).toBeVisible();
    // The host's own copy is now the workshop server's plan, with everything drafted before.
    await expect(host.locator('[data-sync]')).toHaveAttribute('data-sync', 'saved');
    // The host's owner token is in the keychain, and nowhere in the page's storage.
    const hosted = await host.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('accord.plans.v1') ?? '[]') as {
            planId: string;
            server: { url: string } | null;
          }[]
        )[0]!,
    );
    const hostToken = await keychain.get({ serverUrl: hosted.server!.url, planId: hosted.planId });
    expect(hostToken).toBeTruthy();
    expect(await pageStorageText(host)).not.toContain(hostToken!);

    const participant = await (await browser.newContext()).newPage();
    await joinInBrowser(participant, await link.inputValue(), 'Merdan', 'Chamber of Commerce');
    await expect(participant.locator('.plan-title')).toHaveText('Workshop on decent work');
    await expect(participant.locator('.action-row')).toContainText('Inspect cotton harvest');

    await expect(dialog.getByRole('listitem')).toHaveText(['Merdan · Chamber of Commerce']);
    await expect(dialog.getByRole('heading', { name: 'Joined: 1' })).toBeVisible();

    await dialog.getByRole('button', { name: 'Stop hosting' }).click();
    await expect(dialog.getByRole('button', { name: 'Start hosting' })).toBeVisible();
    expect(await workshop.status()).toBeNull();

    // Escape closes the dialog.
    await host.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // In Russian, the dialog speaks Russian (its strings come from the UI catalogue).
    await host.getByLabel('Language').selectOption('ru');
    await host.evaluate(() =>
      (window as unknown as { __menu: (c: string) => void }).__menu('hostWorkshop'),
    );
    const russian = host.getByRole('dialog', { name: ru.workshop.title });
    await expect(russian.getByRole('button', { name: ru.workshop.start })).toBeVisible();
    const text = await russian.innerText();
    for (const english of [en.workshop.intro, en.workshop.start, en.start.yourName]) {
      expect(text).not.toContain(english);
    }
    keychain.dispose();
  } finally {
    await workshop.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
