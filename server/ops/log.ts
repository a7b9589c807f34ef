// Structured JSON logs, one object a line. Tokens and invite codes never reach a log: fields with
// secret names are dropped and URLs lose their query string before they are written.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names whose values are secrets; they are replaced, never written. */
const SECRET_FIELDS = /token|code|secret|password|authorization|cookie/i;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** A URL or path without its query string (the sync URL carries the member's token). */
export function withoutQuery(url: string | undefined): string {
  if (url === undefined) return '';
  const at = url.indexOf('?');
  return at === -1 ? url : url.slice(0, at);
}

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_FIELDS.test(key)) out[key] = '[redacted]';
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message };
    else if (key === 'url' || key === 'path') out[key] = withoutQuery(String(value));
    else out[key] = value;
  }
  return out;
}

export function createLogger(
  minimum: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const log =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[level] < LEVELS[minimum]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...clean(fields) }));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** For tests and embedding: writes nothing. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
