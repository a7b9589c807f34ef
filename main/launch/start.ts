// `npm start`: the desktop app where Electron can run; elsewhere one line saying why, then the
// same app served to the browser by the sync server (`npm run serve`), so the main job works on
// any machine.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDesktop } from './buildDesktop';
import { findElectronBinary } from './electronBinary';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs an npm script of this package in the foreground; resolves with its exit code. */
function runNpmScript(script: string): Promise<number> {
  // npm sets npm_execpath when it runs us; calling its CLI with this Node works on every OS.
  const npmCli = process.env.npm_execpath;
  const child = npmCli
    ? spawn(process.execPath, [npmCli, 'run', '--silent', script], { cwd: ROOT, stdio: 'inherit' })
    : spawn('npm', ['run', '--silent', script], {
        cwd: ROOT,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
}

async function ensureRendererBuilt(): Promise<void> {
  if (existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) return;
  await runNpmScript('build');
}

async function main(): Promise<number> {
  const electron = findElectronBinary({
    env: process.env,
    platform: process.platform,
    electronPackageDir: join(ROOT, 'node_modules', 'electron'),
    exists: existsSync,
    readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  });
  await ensureRendererBuilt();
  if (!electron.ok) {
    console.log(
      `npm start: ${electron.reason}; serving the same app in the browser instead (npm run serve).`,
    );
    return runNpmScript('serve');
  }
  await buildDesktop(ROOT);
  const child = spawn(electron.binary, [join(ROOT, 'out', 'main', 'main.js')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
}

process.exitCode = await main();
