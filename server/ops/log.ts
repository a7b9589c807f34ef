// Structured JSON logs on pino, one object a line. Tokens and invite codes never reach a log:
// fields holding them are redacted by name (and never a field merely containing the word "code",
// so a close code is logged), and URLs lose their query string before they are written.
import { pino } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Fields whose values are secrets, at the top level or one object down; written as [redacted]. */
const SECRET_FIELDS = [
  'token',
  'memberToken',
  'inviteCode',
  'authorization',
  'cookie',
  'password',
  'secret',
];
const REDACTED = [...SECRET_FIELDS, ...SECRET_FIELDS.map((field) => `*.${field}`)];

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

/** An error as its name and message: stacks and causes may quote request data. */
const errorFields = (value: unknown) =>
  value instanceof Error ? { name: value.name, message: value.message } : value;

export function createLogger(
  minimum: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const logger = pino(
    {
      level: minimum,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED, censor: '[redacted]' },
      serializers: {
        url: (url: unknown) => withoutQuery(String(url)),
        path: (path: unknown) => withoutQuery(String(path)),
        error: errorFields,
      },
    },
    { write: (line: string) => write(line.replace(/\n$/, '')) },
  );
  const at =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      logger[level](fields, msg);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** For tests and embedding: writes nothing. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
