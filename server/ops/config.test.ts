import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_PORT, loadConfig, publicUrlOf } from './config';

describe('config', () => {
  it('defaults to 127.0.0.1, the fixed port and the default limits', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: DEFAULT_PORT,
      dataDir: '.accord-data',
    });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
  });

  it('takes environment variables, and flags over them', () => {
    const config = loadConfig(['--port', '9000', '--max-message-bytes', '1024'], {
      ACCORD_PORT: '8000',
      ACCORD_HOST: '0.0.0.0',
      ACCORD_MAX_CONNECTIONS_PER_PLAN: '7',
      ACCORD_DATA_DIR: '/srv/accord',
    });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 9000, dataDir: '/srv/accord' });
    expect(config.limits.maxMessageBytes).toBe(1024);
    expect(config.limits.maxConnectionsPerPlan).toBe(7);
  });

  it.each([
    // [flags, environment, the base of join links]
    [[], {}, `http://127.0.0.1:${DEFAULT_PORT}`],
    [['--port', '9100'], {}, 'http://127.0.0.1:9100'],
    [[], { ACCORD_PORT: '9100', ACCORD_HOST: '192.168.1.20' }, 'http://192.168.1.20:9100'],
    [['--host', '::1'], {}, `http://[::1]:${DEFAULT_PORT}`],
    [['--host', '0.0.0.0', '--port', '9100'], {}, 'http://127.0.0.1:9100'],
    [
      ['--port', '9100'],
      { ACCORD_PUBLIC_URL: 'https://plans.example.org' },
      'https://plans.example.org',
    ],
    [
      ['--public-url', 'https://a.example'],
      { ACCORD_PUBLIC_URL: 'https://b.example' },
      'https://a.example',
    ],
  ] as const)('join links of %j with %j start with %s', (flags, env, expected) => {
    expect(publicUrlOf(loadConfig(flags, env))).toBe(expected);
  });

  it('refuses nonsense', () => {
    expect(() => loadConfig(['--port', 'abc'], {})).toThrow();
    expect(() => loadConfig(['--nope'], {})).toThrow();
  });
});
