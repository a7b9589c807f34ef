// electron-builder.yml against the JSON schema electron-builder itself ships
// (app-builder-lib/scheme.json), plus the settings Accord depends on.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

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
});
