// The admin CLI on commander: `npm run admin -- <command> [options]` (or `npx tsx
// server/cli/cli.ts …`; `--help` after a command for its usage). Works on the server's database
// directly, also while the server runs (SQLite WAL allows it); a running server notices
// revocations within a second. Human output by default, `--json` for scripts.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { EXPORT_FORMATS, ExportError } from '../../shared/exports/exportPlan';
import { describeExportProblem, exportProblems } from '../../shared/exports/exportProblems';
import { ExportQuery } from '../../shared/contracts/api';
import {
  configFrom,
  DEFAULT_PORT,
  publicUrlOf,
  SERVER_FLAGS,
  type ServerConfig,
} from '../ops/config';
import { readServerUrl } from '../ops/serverUrlFile';
import { joinLink } from '../../shared/contracts/joinLink';
import { createInvite, createPlan } from '../identity/members';
import { exportStoredPlan, ExportRequestError } from '../http/planExport';
import { restoreCheckpoint, RestoreRequestError } from '../http/planRestore';
import { DATABASE_FILE } from '../storage/sqliteFile';
import { PostgresStore } from '../storage/postgresStore';
import { describeRepair } from '../storage/sqliteRepair';
import {
  makePrivate,
  makePrivateFolder,
  PRIVATE_FILE_MODE,
  SqliteStore,
} from '../storage/sqliteStore';
import type { MemberChange, PlanStore } from '../storage/store';
import { ROLE_LIST, type Role } from '../storage/store';

/** Exit codes: 0 done, 1 failed, 2 usage error. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

/**
 * `--expires-in 7d`: a whole number of minutes, hours or days. A documented one-liner rather than
 * a duration package: three units are all an invite needs, and the project keeps none.
 */
const DURATION = /^(\d+)([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match)
    throw new UsageError(`--expires-in takes a number and m, h or d (e.g. 7d), not ${text}`);
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  // An invite that expires now or earlier could never be used.
  if (ms <= 0)
    throw new UsageError('--expires-in must be longer than 0: an invite cannot expire in the past');
  return ms;
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

/** The options of `npm run serve`, on every command: the CLI runs with the server's settings. */
const SHOWN_FLAGS: Readonly<Record<string, string>> = {
  data: 'data folder (default .accord-data, or ACCORD_DATA_DIR)',
  'public-url': 'base of join links (default ACCORD_PUBLIC_URL, else http://HOST:PORT)',
  host: `the server's host, for join links when there is no public URL (default ACCORD_HOST)`,
  port: `the server's port, likewise (default ACCORD_PORT, else ${DEFAULT_PORT})`,
};

/** Commander names an option's value in camel case (`--public-url` -> publicUrl). */
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** What every command is given: its settings, where links point, output, and the database. */
interface Session {
  readonly file: string;
  readonly publicUrl: string;
  readonly print: (human: string, json: unknown) => void;
  /** opens the database (created by create-plan, else it must exist) and closes it after */
  readonly withStore: <T>(work: (store: PlanStore) => Promise<T>, create?: boolean) => Promise<T>;
}

export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
): Promise<number> {
  const program = new Command('npm run admin --')
    .description(
      'The Accord admin CLI: works on the database directly, also while the server runs (a running server notices revocations within a second).',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => out(text.trimEnd()),
      writeErr: (text) => out(text.trimEnd()),
    })
    .addHelpText(
      'after',
      "\nEvery flag and environment variable of `npm run serve` is accepted, so the CLI can run with the server's own settings.",
    );

  /** A command with the server's flags and --json, whose action gets the session. */
  const command = (name: string, description: string) => {
    const sub = program
      .command(name)
      .description(description)
      .option('--json', 'machine-readable output');
    for (const flag of Object.keys(SERVER_FLAGS)) {
      const help = SHOWN_FLAGS[flag];
      const option = new Option(`--${flag} <value>`, help ?? '');
      sub.addOption(help === undefined ? option.hideHelp() : option);
    }
    return sub;
  };
  const session = (options: Readonly<Record<string, unknown>>): Session => {
    const values = Object.fromEntries(
      Object.keys(SERVER_FLAGS).map((flag) => [flag, options[camel(flag)] as string | undefined]),
    );
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
    // Told where the server is (flags or environment), links follow that; otherwise they follow
    // the server last started on this data folder, wherever its port or public URL was set.
    const told =
      [values.host, values.port, values['public-url']].some((value) => value !== undefined) ||
      ['ACCORD_HOST', 'ACCORD_PORT', 'ACCORD_PUBLIC_URL'].some((name) => env[name] !== undefined);
    return {
      file,
      publicUrl: (told ? undefined : readServerUrl(dataDir)) ?? publicUrlOf(config),
      print: (human, json) => out(options.json ? JSON.stringify(json, null, 2) : human),
      withStore: async (work, create = false) => {
        if (!config.databaseUrl && !existsSync(file) && !create) {
          throw new UsageError(`no database at ${file}; create a plan first or pass --data`);
        }
        makePrivateFolder(dataDir);
        const store: PlanStore = config.databaseUrl
          ? await PostgresStore.open({ connectionString: config.databaseUrl })
          : new SqliteStore({ file });
        try {
          return await work(store);
        } finally {
          await store.close();
        }
      },
    };
  };

  command('create-plan', 'create a plan; prints its id and a single-use owner invite')
    .argument('<title...>', "the plan's title")
    .action(async (words: string[], options) => {
      const { print, publicUrl, withStore } = session(options);
      const title = words.join(' ').trim();
      if (!title) throw new UsageError('missing <title>');
      await withStore(async (store) => {
        const { plan, ownerInvite } = await createPlan(store, title);
        const link = joinLink(publicUrl, plan.id, ownerInvite.code);
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
      }, true);
    });

  command('plans', 'list plans').action(async (options) => {
    const { print, withStore } = session(options);
    await withStore(async (store) => {
      const plans = await store.listPlans();
      const rows = plans.map((p) => ({ id: p.id, title: p.title, created: iso(p.createdAt) }));
      print(table(rows), rows);
    });
  });

  command('members', "list a plan's members")
    .argument('<planId>')
    .action(async (planId: string, options) => {
      const { print, withStore } = session(options);
      await withStore(async (store) => {
        const rows = (await store.listMembers(planId)).map((m) => ({
          id: m.id,
          name: m.name,
          organisation: m.organisation,
          role: m.role,
          joined: iso(m.createdAt),
          revoked: iso(m.revokedAt),
        }));
        print(table(rows), rows);
      });
    });

  command('invites', "list a plan's invites")
    .argument('<planId>')
    .action(async (planId: string, options) => {
      const { print, withStore } = session(options);
      await withStore(async (store) => {
        const rows = (await store.listInvites(planId)).map((i) => ({
          id: i.id,
          role: i.role,
          label: i.label,
          uses: `${i.uses}/${i.maxUses ?? '∞'}`,
          expires: iso(i.expiresAt),
          revoked: iso(i.revokedAt),
        }));
        print(table(rows), rows);
      });
    });

  command('invite', 'create an invite; prints its code and join link (once)')
    .argument('<planId>')
    .option('--role <role>', ROLE_LIST.join('|'))
    .option('--uses <n>', 'how many people may join with it', '1')
    .option('--unlimited', 'any number of people may join with it')
    .option('--expires-in <duration>', 'e.g. 30m, 12h, 7d (default: never)')
    .option('--label <text>', 'shown in the list of invites', '')
    .action(async (planId: string, options) => {
      const { print, publicUrl, withStore } = session(options);
      await withStore(async (store) => {
        if (!(await store.getPlan(planId))) throw new UsageError(`no plan ${planId}`);
        const role = String(options.role ?? '') as Role;
        if (!ROLE_LIST.includes(role))
          throw new UsageError(`--role must be one of ${ROLE_LIST.join(', ')}`);
        const uses = options.unlimited ? null : Number(options.uses);
        if (uses !== null && (!Number.isInteger(uses) || uses < 1))
          throw new UsageError('--uses takes a positive whole number');
        const expiresIn = options.expiresIn as string | undefined;
        const { invite, code } = await createInvite(store, planId, {
          role,
          maxUses: uses,
          expiresAt: expiresIn ? Date.now() + parseDuration(expiresIn) : null,
          label: String(options.label),
          createdBy: null,
        });
        const link = joinLink(publicUrl, planId, code);
        print(
          `invite ${invite.id} (${role}, ${uses === null ? 'unlimited uses' : `${uses} use(s)`}, expires ${iso(invite.expiresAt)})\n  code ${code}\n  link ${link}`,
          {
            invite: { id: invite.id, role, maxUses: uses, expiresAt: iso(invite.expiresAt) },
            code,
            link,
          },
        );
      });
    });

  command(
    'revoke-invite',
    'revoke an invite and, unless --keep-members, everyone who joined with it (their live connections close)',
  )
    .argument('<planId>')
    .argument('<inviteId>')
    .option('--keep-members', "the invite's members keep their access")
    .action(async (planId: string, inviteId: string, options) => {
      const { print, withStore } = session(options);
      await withStore(async (store) => {
        const revoked = await store.revokeInvite(
          planId,
          inviteId,
          Date.now(),
          !options.keepMembers,
        );
        if (!revoked) throw new UsageError(`no invite ${inviteId} in plan ${planId}`);
        print(`revoked invite ${inviteId} and ${revoked.length} member(s)`, {
          invite: inviteId,
          revokedMembers: revoked.map((m) => m.id),
        });
      });
    });

  /** A role change never leaves the plan without an active owner (one transaction). */
  const changeMember = async (
    store: PlanStore,
    planId: string,
    memberId: string,
    change: MemberChange,
  ) => {
    const outcome = await store.changeMember(planId, memberId, change);
    if (outcome.ok) return outcome.member;
    throw new UsageError(
      outcome.refusal === 'unknown'
        ? `no member ${memberId} in plan ${planId}`
        : `member ${memberId} is the plan's last owner: make another member an owner first`,
    );
  };

  command('revoke-member', 'revoke a member (their live connections close)')
    .argument('<planId>')
    .argument('<memberId>')
    .action(async (planId: string, memberId: string, options) => {
      const { print, withStore } = session(options);
      await withStore(async (store) => {
        // Unguarded, unlike the owners' API: the administrator cuts off even a last owner whose
        // token leaked, then hands out a new owner invite (`invite --role owner`).
        const revoked = await store.revokeMember(planId, memberId, Date.now());
        if (!revoked) throw new UsageError(`no member ${memberId} in plan ${planId}`);
        print(`revoked member ${memberId} (${revoked.name})`, { member: memberId });
      });
    });

  command('set-role', "change a member's role (owner, editor or viewer)")
    .argument('<planId>')
    .argument('<memberId>')
    .argument('<role>', ROLE_LIST.join('|'))
    .action(async (planId: string, memberId: string, role: string, options) => {
      const { print, withStore } = session(options);
      if (!ROLE_LIST.includes(role as Role))
        throw new UsageError(`the role must be one of ${ROLE_LIST.join(', ')}`);
      await withStore(async (store) => {
        const changed = await changeMember(store, planId, memberId, { role: role as Role });
        print(`member ${memberId} (${changed.name}) is now ${changed.role}`, {
          member: memberId,
          role: changed.role,
        });
      });
    });

  command('backup', 'online, consistent copy of the database (the server may run)')
    .argument('<file>')
    .action(async (target: string, options) => {
      const { file, print, withStore } = session(options);
      await withStore(async (store) => {
        if (existsSync(target)) throw new UsageError(`${target} exists; choose a new file`);
        if (!(store instanceof SqliteStore)) {
          throw new UsageError(
            'back up a PostgreSQL database with pg_dump (README, Running a cluster)',
          );
        }
        await store.backup(target);
        print(`backed up ${file} to ${target}`, { backup: target });
      });
    });

  command('restore', 'replace the database by a backup (stop the server first)')
    .argument('<file>')
    .action(async (source: string, options) => {
      const { file, print } = session(options);
      if (!existsSync(source)) throw new UsageError(`no such backup: ${source}`);
      const backup = new Database(source, { readonly: true, fileMustExist: true });
      try {
        const tables = backup
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'plans'")
          .all();
        if (tables.length === 0) throw new UsageError(`${source} is not an Accord database backup`);
        makePrivateFolder(dirname(file));
        await backup.backup(file);
        makePrivate(file);
      } finally {
        backup.close();
      }
      print(`restored ${file} from ${source}`, { restored: file, from: source });
    });

  command('repair', 'rebuild a damaged plan from its newest intact checkpoint and intact log')
    .argument('<planId>')
    .action(async (planId: string, options) => {
      const { print, withStore } = session(options);
      await withStore(async (store) => {
        if (!(store instanceof SqliteStore)) {
          throw new UsageError('repair works on SQLite; PostgreSQL checks its own pages');
        }
        const report = await store.repair(planId);
        print(describeRepair(report), report);
      });
    });

  // Writes to storage: a running server that has the plan open does not see it until the plan is
  // next loaded, so with the server running, restore through the API (or the app) instead.
  command(
    'restore-checkpoint',
    'bring a plan back to a checkpoint as a new change by an owner (stop the server first)',
  )
    .argument('<planId>')
    .argument('<checkpointId>')
    .requiredOption('--member <memberId>', 'the owner the restore is recorded as')
    .action(async (planId: string, checkpointId: string, options) => {
      const { print, withStore } = session(options);
      await withStore(async (store) => {
        const memberId = options.member as string;
        const member = (await store.listMembers(planId)).find((m) => m.id === memberId);
        if (!member || member.revokedAt !== null || member.role !== 'owner') {
          throw new UsageError(`${memberId} is not an owner of plan ${planId}`);
        }
        if (!/^\d+$/.test(checkpointId)) throw new UsageError(`no checkpoint ${checkpointId}`);
        const restored = await restoreCheckpoint({ store }, planId, Number(checkpointId), {
          id: member.id,
          name: member.name,
        }).catch((error: unknown) => {
          if (error instanceof RestoreRequestError) throw new UsageError(error.message);
          throw error;
        });
        const { actions, objectives, organisations } = restored.changed;
        print(
          `restored checkpoint ${checkpointId}: ${actions} action(s), ${objectives} objective(s), ${organisations} organisation(s) changed; undo with checkpoint ${restored.undoCheckpointId}`,
          restored,
        );
      });
    });

  command('export', 'write a report or data export (for scheduled monthly reports)')
    .argument('<planId>')
    .option('--format <format>', Object.keys(EXPORT_FORMATS).join('|'))
    .option('--lang <lang>', 'en|ru|tk')
    .option('--from <date>', 'start of the reporting period (with --to)')
    .option('--to <date>', 'end of the reporting period')
    .option('--since <since>', 'only what changed since a DATE or checkpoint:ID')
    .option('--ids', "add each action's internal id to the action rows")
    .option('--out <file>', 'defaults to the suggested file name')
    .action(async (planId: string, options) => {
      const { print, withStore } = session(options);
      await withStore(async (store) => {
        if (!(await store.getPlan(planId))) throw new UsageError(`no plan ${planId}`);
        const request = {
          format: options.format as unknown,
          lang: options.lang as unknown,
          from: options.from as unknown,
          to: options.to as unknown,
          since: options.since as unknown,
          ids: options.ids === true ? 'true' : undefined,
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
        const target = (options.out as string | undefined) ?? exported.fileName;
        writeFileSync(target, exported.bytes, { mode: PRIVATE_FILE_MODE });
        print(`wrote ${target} (${exported.bytes.byteLength} bytes)`, {
          file: target,
          bytes: exported.bytes.byteLength,
          mimeType: exported.mimeType,
        });
      });
    });

  if (argv.length === 0) {
    out(program.helpInformation().trimEnd());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help')
        return EXIT.ok;
      throw new UsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  return EXIT.ok;
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
