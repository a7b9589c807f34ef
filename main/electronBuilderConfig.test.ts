// electron-builder.yml against the JSON schema electron-builder itself ships
// (app-builder-lib/scheme.json), plus the settings Accord depends on, and what the package would
// hold: the `files` and `asarUnpack` patterns run through electron-builder's own matcher
// (app-builder-lib's fileMatcher: its default exclusions, order and minimatch options) against the
// files on disk, since no installer can be built on a machine without an Electron binary.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { NATIVE_MODULES } from './launch/buildDesktop';

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

async function loadConfig(): Promise<Record<string, unknown>> {
  return parse(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;
}

async function validator() {
  const schemaPath = join(require.resolve('app-builder-lib/package.json'), '..', 'scheme.json');
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
  // strict: false because the schema uses annotations Ajv does not know (e.g. "tsType").
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

/** The part of app-builder-lib's internal fileMatcher module used here (not in its typings). */
interface FileMatcherModule {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (text: string) => string,
    platformOptions: object,
    packager: { info: object },
    outDir: string,
    isElectronCompile: boolean,
  ): { createFilter(): PathFilter }[];
  FileMatcher: new (
    from: string,
    to: string,
    macroExpander: (text: string) => string,
    patterns: unknown,
  ) => { createFilter(): PathFilter };
}
type PathFilter = (
  file: string,
  stat: { isDirectory(): boolean; moduleFullFilePath?: string },
) => boolean;

/** Would electron-builder put this file (a path from the project root) in the package? */
async function packagedFilter(): Promise<(path: string) => boolean> {
  const config = await loadConfig();
  const { getMainFileMatchers } = require('app-builder-lib/out/fileMatcher') as FileMatcherModule;
  const info = {
    isPrepackedAppAsar: false,
    projectDir: ROOT,
    buildResourcesDir: 'build',
    config,
    debugLogger: { isEnabled: false },
  };
  const [matcher] = getMainFileMatchers(
    ROOT,
    '/app',
    (text) => text,
    {},
    { info },
    'release',
    false,
  );
  const filter = matcher!.createFilter();
  // node_modules files are matched by their path in the package (NodeModuleCopyHelper)
  return (path) =>
    filter(join(ROOT, path), {
      isDirectory: () => false,
      ...(path.startsWith('node_modules/') ? { moduleFullFilePath: path } : {}),
    });
}

/** Would this file be unpacked beside app.asar? */
async function unpackedFilter(): Promise<(path: string) => boolean> {
  const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as FileMatcherModule;
  const filter = new FileMatcher(
    ROOT,
    '/app',
    (text) => text,
    (await loadConfig()).asarUnpack,
  ).createFilter();
  return (path) => filter(join(ROOT, path), { isDirectory: () => false });
}

/** Every file below a folder, as paths from the project root. */
function filesIn(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** The native module the main bundle keeps external, and what it needs at run time. */
const SHIPPED_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema", async () => {
    const validate = await validator();
    const valid = validate(await loadConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would catch a misspelt option (the schema check has teeth)', async () => {
    const validate = await validator();
    expect(validate({ ...(await loadConfig()), fileAssocations: [] })).toBe(false);
    expect(validate({ ...(await loadConfig()), electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('builds AppImage and deb, NSIS and dmg', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      appId: 'org.accord.actionplan',
      productName: 'Accord',
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
  });

  it('associates .accord files and registers the accord:// scheme', async () => {
    const config = await loadConfig();
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'accord' })]);
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['accord'] })]);
  });

  it('flips the fuses that would let the binary run as something else', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('ships the bundles and the renderer build, and points Electron at the main bundle', async () => {
    const config = await loadConfig();
    expect(config.files).toEqual(
      expect.arrayContaining([
        'out/main/**/*',
        'out/preload/**/*',
        'dist/renderer/**/*',
        '!node_modules/**/*',
      ]),
    );
    expect(config.extraMetadata).toEqual({ main: 'out/main/main.js' });
  });

  it('ships better-sqlite3: its JavaScript, its compiled binding, and its run-time dependencies', async () => {
    const packaged = await packagedFilter();
    const shipped = SHIPPED_MODULES.flatMap((name) => filesIn(`node_modules/${name}`))
      .filter(packaged)
      .sort();
    expect(shipped).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3/package.json',
        'node_modules/better-sqlite3/lib/index.js',
        'node_modules/better-sqlite3/lib/database.js',
        'node_modules/better-sqlite3/lib/methods/transaction.js',
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        'node_modules/better-sqlite3/LICENSE',
        'node_modules/bindings/package.json',
        'node_modules/bindings/bindings.js',
        'node_modules/file-uri-to-path/package.json',
        'node_modules/file-uri-to-path/index.js',
      ]),
    );
    // every module the main bundle keeps external ships
    expect(NATIVE_MODULES.filter((name) => !packaged(`node_modules/${name}/package.json`))).toEqual(
      [],
    );
    // every JavaScript file of the module ships, and nothing it would leave behind is loaded
    const javascript = filesIn('node_modules/better-sqlite3/lib').filter((p) => p.endsWith('.js'));
    expect(javascript.filter((p) => !packaged(p))).toEqual([]);
    // its sources, build objects and test extension do not
    expect(
      shipped.filter((p) => /\/(deps|src|obj|obj\.target)\/|test_extension|\.a$/.test(p)),
    ).toEqual([]);
  });

  it('ships everything the shipped JavaScript requires, and nothing else from node_modules', async () => {
    const packaged = await packagedFilter();
    const shipped = SHIPPED_MODULES.flatMap((name) => filesIn(`node_modules/${name}`)).filter(
      packaged,
    );
    const required = new Set<string>();
    for (const path of shipped.filter((p) => p.endsWith('.js'))) {
      const source = await readFile(join(ROOT, path), 'utf8');
      for (const [, name] of source.matchAll(/require\(\s*['"]([^'"./][^'"]*)['"]\s*\)/g)) {
        required.add(name!);
      }
    }
    const missing = [...required].filter(
      (name) => !builtinModules.includes(name) && !SHIPPED_MODULES.includes(name),
    );
    expect(missing).toEqual([]);
    expect([...required].filter((name) => SHIPPED_MODULES.includes(name)).sort()).toEqual([
      'bindings',
      'file-uri-to-path',
    ]);

    // every other installed package (the lock file's), production or not, stays out
    const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const others = Object.keys(lock.packages).filter(
      (path) =>
        path.startsWith('node_modules/') &&
        !SHIPPED_MODULES.some((name) => path === `node_modules/${name}`),
    );
    expect(others.length).toBeGreaterThan(100);
    expect(others).toEqual(
      expect.arrayContaining(['node_modules/yjs', 'node_modules/prebuild-install']),
    );
    const leaked = others.flatMap((path) =>
      [`${path}/package.json`, `${path}/index.js`, `${path}/lib/index.js`].filter(packaged),
    );
    expect(leaked).toEqual([]);
  });

  it('ships the bundles and the web build, not sources, tests or maps', async () => {
    const packaged = await packagedFilter();
    const cases: [string, boolean][] = [
      ['package.json', true],
      ['out/main/main.js', true],
      ['out/main/sqliteWriter.mjs', true],
      ['out/main/replayWorker.mjs', true],
      ['out/preload/preload.cjs', true],
      ['dist/renderer/index.html', true],
      ['out/main/main.js.map', false],
      ['main/main.ts', false],
      ['server/storage/sqliteWriter.mjs', false],
      ['shared/http.ts', false],
      ['package-lock.json', false],
      ['.accord-data/accord.db', false],
    ];
    expect(cases.map(([path]) => [path, packaged(path)])).toEqual(cases);
  });

  it('unpacks the native binding from app.asar, keeps the rest in it, and rebuilds it for Electron', async () => {
    const unpacked = await unpackedFilter();
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/index.js')).toBe(false);
    expect(unpacked('out/main/main.js')).toBe(false);
    expect((await loadConfig()).npmRebuild).toBe(true);
  });
});
