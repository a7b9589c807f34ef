// The desktop app itself, driven through Playwright's Electron support: start, create a plan,
// edit it, quit, start again and find the edit. Each test gets its own user-data folder.
// Skipped where no Electron binary exists (it cannot be downloaded on every machine): there the
// same shell is covered by main/'s unit tests against electron's types.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDesktop } from '../../main/launch/buildDesktop';
import { findElectronBinary } from '../../main/launch/electronBinary';

const ROOT = join(import.meta.dirname, '..', '..');
const electronBinary = findElectronBinary({
  env: process.env,
  platform: process.platform,
  electronPackageDir: join(ROOT, 'node_modules', 'electron'),
  exists: existsSync,
  readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
});
const binaryMissing =
  !existsSync(join(ROOT, 'node_modules', 'electron', 'dist')) &&
  !process.env.ELECTRON_OVERRIDE_DIST_PATH;

test.describe('desktop app (Electron)', () => {
  test.skip(binaryMissing, 'Electron binary not available');
  test.skip(!binaryMissing && !electronBinary.ok, electronBinary.ok ? '' : electronBinary.reason);

  let userData: string;
  const running: ElectronApplication[] = [];

  test.beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
      throw new Error('the web build is missing: run `npm run build` before the e2e tests');
    }
    await buildDesktop(ROOT);
  });

  test.beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'accord-electron-'));
  });

  test.afterEach(async () => {
    for (const app of running.splice(0)) await app.close().catch(() => undefined);
    rmSync(userData, { recursive: true, force: true });
  });

  async function launch(): Promise<ElectronApplication> {
    if (!electronBinary.ok) throw new Error(electronBinary.reason);
    const app = await electron.launch({
      executablePath: electronBinary.binary,
      // Chromium refuses to start as root without --no-sandbox (CI containers run as root).
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        join(ROOT, 'out', 'main', 'main.js'),
      ],
      env: { ...process.env, ACCORD_USER_DATA_DIR: userData },
    });
    running.push(app);
    return app;
  }

  test('starts, creates a plan, edits it, and shows the edit after a restart', async () => {
    let app = await launch();
    let page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/accord\//);
    await page.getByLabel('Plan title').fill('Decent work plan');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page.getByRole('grid')).toBeVisible();
    await page.getByRole('button', { name: '+ Add action' }).first().click();
    await page.getByRole('button', { name: 'Open details of 1.1' }).click();
    const title = page.locator('aside.detail').getByLabel('Title', { exact: true });
    await title.fill('Train labour inspectors');
    await expect(title).toHaveValue('Train labour inspectors');

    await app.close();
    running.splice(0);
    app = await launch();
    page = await app.firstWindow();
    await page.getByRole('button', { name: /Decent work plan/ }).click();
    await page.getByRole('button', { name: 'Open details of 1.1' }).click();
    await expect(page.locator('aside.detail').getByLabel('Title', { exact: true })).toHaveValue(
      'Train labour inspectors',
    );
  });

  test('exposes only the typed API, with no Node in the page, and stays on app://accord', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    const exposed = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { accord: object }).accord).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.api).toContain('connectPlanStore');
    expect(exposed.api).not.toContain('send');
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/?next=app://accord';
    });
    await expect(page).toHaveURL(/^app:\/\/accord\//);
    expect(app.windows()).toHaveLength(1);
  });
});
