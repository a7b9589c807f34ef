// The admin CLI: `npm run admin -- <command> [options]` (or `npx tsx server/cli/cli.ts …`). Works on the
// server's database directly, also while the server runs (SQLite WAL allows it); a running server
// notices revocations within a second. Human output by default, `--json` for scripts.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { EXPORT_FORMATS, ExportError } from '../../shared/exports/exportPlan';
import { describeExportProblem, exportProblems } from '../../shared/exports/exportProblems';
import { ExportQuery } from '../../shared/http';
import {
  configFrom,
  DEFAULT_PORT,
  publicUrlOf,
  SERVER_FLAGS,
  type ServerConfig,
} from '../ops/config';
import { readServerUrl } from '../ops/serverUrlFile';
import { joinUrl } from '../http/httpApi';
import { createInvite, createPlan } from '../identity/members';
import { exportStoredPlan, ExportRequestError } from '../http/planExport';
import { DATABASE_FILE } from '../storage/sqliteFile';
import { PostgresStore } from '../storage/postgresStore';
import { SqliteStore } from '../storage/sqliteStore';
import type { PlanStore } from '../storage/store';
import { ROLE_LIST, type Role } from '../storage/store';

const USAGE = `Accord admin CLI

Usage: npm run admin -- <command> [arguments] [--data DIR] [--json]

Commands:
  create-plan <title>                     create a plan; prints its id and a single-use owner invite
  plans                                   list plans
  members <planId>                        list a plan's members
  invites <planId>                        list a plan's invites
  invite <planId> --role owner|editor|viewer [--uses N | --unlimited] [--expires-in 7d] [--label TEXT]
                                          create an invite; prints its code and join link (once)
  revoke-invite <planId> <inviteId> [--keep-members]
                                          revoke an invite and, unless --keep-members, everyone who
                                          joined with it (their live connections close)
  revoke-member <planId> <memberId>       revoke a member (their live connections close)
  backup <file>                           online, consistent copy of the database (server may run)
  restore <file>                          replace the database by a backup (stop the server first)
  export <planId> --format pdf|xlsx|csv|json|html [--lang en|ru|tk] [--from DATE --to DATE]
          [--since DATE|checkpoint:ID] [--out FILE]
                                          write a report or data export (for scheduled monthly
                                          reports); --out defaults to the suggested file name

Options:
  --data DIR        data folder (default .accord-data, or ACCORD_DATA_DIR)
  --public-url URL  base of join links (default ACCORD_PUBLIC_URL, else http://HOST:PORT)
  --host, --port    the server's address, for join links when there is no public URL
                    (default ACCORD_HOST / ACCORD_PORT, else 127.0.0.1 and ${DEFAULT_PORT})
  --json            machine-readable output

Every flag and environment variable of \`npm run serve\` is accepted, so the CLI can run with the
server's own settings.
`;

/** Exit codes: 0 done, 1 failed, 2 usage error. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

const DURATION = /^(\d+)([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match)
    throw new UsageError(`--expires-in takes a number and m, h or d (e.g. 7d), not ${text}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());

function table(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '(none)';
  const keys = Object.keys(rows[0] ?? {});
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(width[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(keys), ...rows.map((r) => line(keys.map((k) => String(r[k] ?? ''))))].join('\n');
}

export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      ...SERVER_FLAGS,
      json: { type: 'boolean', default: false },
      role: { type: 'string' },
      uses: { type: 'string' },
      unlimited: { type: 'boolean', default: false },
      'expires-in': { type: 'string' },
      label: { type: 'string' },
      'keep-members': { type: 'boolean', default: false },
      format: { type: 'string' },
      lang: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      since: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return command || values.help ? EXIT.ok : EXIT.usage;
  }
  let config: ServerConfig;
  try {
    config = configFrom(values, env);
  } catch (error) {
    throw new UsageError(
      `bad setting: ${error instanceof z.ZodError ? z.prettifyError(error) : String(error)}`,
    );
  }
  const { dataDir } = config;
  const file = join(dataDir, DATABASE_FILE);
  // Told where the server is (flags or environment), links follow that; otherwise they follow the
  // server last started on this data folder, wherever its port or public URL was set.
  const told =
    [values.host, values.port, values['public-url']].some((value) => value !== undefined) ||
    ['ACCORD_HOST', 'ACCORD_PORT', 'ACCORD_PUBLIC_URL'].some((name) => env[name] !== undefined);
  const publicUrl = (told ? undefined : readServerUrl(dataDir)) ?? publicUrlOf(config);
  const print = (human: string, json: unknown) =>
    out(values.json ? JSON.stringify(json, null, 2) : human);
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`missing ${what}`);
    return value;
  };

  if (command === 'restore') {
    const source = need(args[0], '<file>');
    if (!existsSync(source)) throw new UsageError(`no such backup: ${source}`);
    const backup = new Database(source, { readonly: true, fileMustExist: true });
    try {
      const tables = backup
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'plans'")
        .all();
      if (tables.length === 0) throw new UsageError(`${source} is not an Accord database backup`);
      await backup.backup(file);
    } finally {
      backup.close();
    }
    print(`restored ${file} from ${source}`, { restored: file, from: source });
    return EXIT.ok;
  }

  if (!config.databaseUrl && !existsSync(file) && command !== 'create-plan') {
    throw new UsageError(`no database at ${file}; create a plan first or pass --data`);
  }
  mkdirSync(dataDir, { recursive: true });
  const store: PlanStore = config.databaseUrl
    ? await PostgresStore.open({ connectionString: config.databaseUrl })
    : new SqliteStore({ file });
  try {
    switch (command) {
      case 'create-plan': {
        const title = need(args.join(' ').trim() || undefined, '<title>');
        const { plan, ownerInvite } = await createPlan(store, title);
        const link = joinUrl(publicUrl, plan.id, ownerInvite.code);
        print(
          `plan ${plan.id} "${plan.title}"\nowner invite (single use, expires ${iso(ownerInvite.invite.expiresAt)}):\n  code ${ownerInvite.code}\n  link ${link}`,
          {
            plan: { id: plan.id, title: plan.title },
            ownerInvite: {
              id: ownerInvite.invite.id,
              code: ownerInvite.code,
              link,
              expiresAt: iso(ownerInvite.invite.expiresAt),
            },
          },
        );
        return EXIT.ok;
      }
      case 'plans': {
        const plans = await store.listPlans();
        const rows = plans.map((p) => ({ id: p.id, title: p.title, created: iso(p.createdAt) }));
        print(table(rows), rows);
        return EXIT.ok;
      }
      case 'members': {
        const planId = need(args[0], '<planId>');
        const rows = (await store.listMembers(planId)).map((m) => ({
          id: m.id,
          name: m.name,
          organisation: m.organisation,
          role: m.role,
          joined: iso(m.createdAt),
          revoked: iso(m.revokedAt),
        }));
        print(table(rows), rows);
        return EXIT.ok;
      }
      case 'invites': {
        const planId = need(args[0], '<planId>');
        const rows = (await store.listInvites(planId)).map((i) => ({
          id: i.id,
          role: i.role,
          label: i.label,
          uses: `${i.uses}/${i.maxUses ?? '∞'}`,
          expires: iso(i.expiresAt),
          revoked: iso(i.revokedAt),
        }));
        print(table(rows), rows);
        return EXIT.ok;
      }
      case 'invite': {
        const planId = need(args[0], '<planId>');
        if (!(await store.getPlan(planId))) throw new UsageError(`no plan ${planId}`);
        const role = need(values.role, '--role') as Role;
        if (!ROLE_LIST.includes(role))
          throw new UsageError(`--role must be one of ${ROLE_LIST.join(', ')}`);
        const uses = values.unlimited ? null : Number(values.uses ?? 1);
        if (uses !== null && (!Number.isInteger(uses) || uses < 1))
          throw new UsageError('--uses takes a positive whole number');
        const expiresIn = values['expires-in'];
        const { invite, code } = await createInvite(store, planId, {
          role,
          maxUses: uses,
          expiresAt: expiresIn ? Date.now() + parseDuration(expiresIn) : null,
          label: values.label ?? '',
          createdBy: null,
        });
        const link = joinUrl(publicUrl, planId, code);
        print(
          `invite ${invite.id} (${role}, ${uses === null ? 'unlimited uses' : `${uses} use(s)`}, expires ${iso(invite.expiresAt)})\n  code ${code}\n  link ${link}`,
          {
            invite: { id: invite.id, role, maxUses: uses, expiresAt: iso(invite.expiresAt) },
            code,
            link,
          },
        );
        return EXIT.ok;
      }
      case 'revoke-invite': {
        const planId = need(args[0], '<planId>');
        const inviteId = need(args[1], '<inviteId>');
        const revoked = await store.revokeInvite(
          planId,
          inviteId,
          Date.now(),
          !values['keep-members'],
        );
        if (!revoked) throw new UsageError(`no invite ${inviteId} in plan ${planId}`);
        print(`revoked invite ${inviteId} and ${revoked.length} member(s)`, {
          invite: inviteId,
          revokedMembers: revoked.map((m) => m.id),
        });
        return EXIT.ok;
      }
      case 'revoke-member': {
        const planId = need(args[0], '<planId>');
        const memberId = need(args[1], '<memberId>');
        const revoked = await store.revokeMember(planId, memberId, Date.now());
        if (!revoked) throw new UsageError(`no member ${memberId} in plan ${planId}`);
        print(`revoked member ${memberId} (${revoked.name})`, { member: memberId });
        return EXIT.ok;
      }
      case 'backup': {
        const target = need(args[0], '<file>');
        if (existsSync(target)) throw new UsageError(`${target} exists; choose a new file`);
        if (!(store instanceof SqliteStore)) {
          throw new UsageError(
            'back up a PostgreSQL database with pg_dump (README, Running a cluster)',
          );
        }
        await store.backup(target);
        print(`backed up ${file} to ${target}`, { backup: target });
        return EXIT.ok;
      }
      case 'export': {
        const planId = need(args[0], '<planId>');
        if (!(await store.getPlan(planId))) throw new UsageError(`no plan ${planId}`);
        const request = {
          format: values.format,
          lang: values.lang,
          from: values.from,
          to: values.to,
          since: values.since,
        };
        const query = ExportQuery.safeParse(request);
        if (!query.success) {
          // Plain English, one line a problem, instead of zod's messages.
          const formats = Object.keys(EXPORT_FORMATS);
          throw new UsageError(
            exportProblems(query.error, request)
              .map((problem) => describeExportProblem(problem, formats))
              .join('\n'),
          );
        }
        const exported = await exportStoredPlan({ store }, planId, query.data).catch(
          (error: unknown) => {
            if (error instanceof ExportError || error instanceof ExportRequestError) {
              throw new UsageError(error.message);
            }
            throw error;
          },
        );
        const target = values.out ?? exported.fileName;
        writeFileSync(target, exported.bytes);
        print(`wrote ${target} (${exported.bytes.byteLength} bytes)`, {
          file: target,
          bytes: exported.bytes.byteLength,
          mimeType: exported.mimeType,
        });
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2), process.env, (text) => process.stdout.write(text + '\n')).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      if (error instanceof UsageError) process.stderr.write('run with --help for usage\n');
      process.exit(error instanceof UsageError ? EXIT.usage : EXIT.failed);
    },
  );
}
