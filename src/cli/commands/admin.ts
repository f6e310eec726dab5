// `interdict keys ...` and `interdict audit ...`: access control and the examiner's view of the trail.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { KeyStore, ROLES, type Role } from '../../api/keys.js';
import { AuditLog } from '../../audit/log.js';
import { withSql } from '../../store/sql.js';
import { CliError, printJson, printTable } from '../output.js';

export function registerAdminCommands(program: Command): void {
  const keys = program.command('keys').description('API keys for `interdict serve`');
  keys
    .command('create')
    .argument('<name>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .description('create a key; it is printed once, only its hash is stored')
    .action((name: string, flags: { role: string }) =>
      withSql(async (sql) => {
        if (!ROLES.includes(flags.role as Role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2);
        const store = await KeyStore.open(sql);
        const { key, record } = await store.create(name, flags.role as Role).catch((e: Error) => {
          throw new CliError(e.message, 2);
        });
        await (await AuditLog.open(sql)).append({ action: 'key.create', subject: name, details: { role: record.role, prefix: record.prefix } });
        console.log(key);
        console.error(`created ${record.role} key "${name}" (${record.prefix}…); store it now: it is not shown again`);
      }),
    );
  keys
    .command('list')
    .option('--json')
    .action((flags: { json?: boolean }) =>
      withSql(async (sql) => {
        const list = await (await KeyStore.open(sql)).list();
        if (flags.json) printJson(list);
        else printTable(list as unknown as Array<Record<string, unknown>>, ['name', 'role', 'prefix', 'created_at', 'revoked_at']);
      }),
    );
  keys
    .command('revoke')
    .argument('<name>')
    .action((name: string) =>
      withSql(async (sql) => {
        if (!(await (await KeyStore.open(sql)).revoke(name))) throw new CliError(`no active key named ${name}`);
        await (await AuditLog.open(sql)).append({ action: 'key.revoke', subject: name });
        console.log(`revoked ${name}`);
      }),
    );

  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description('check the hash chain; exits non-zero naming the first altered or missing row')
    .option('--json')
    .action((flags: { json?: boolean }) =>
      withSql(async (sql) => {
        const result = await (await AuditLog.open(sql)).verify();
        if (flags.json) printJson(result);
        else if (result.ok) console.log(`audit trail intact: ${result.rows} rows`);
        if (!result.ok) throw new CliError(`audit trail broken at row ${result.seq}: ${result.problem}`, 3);
      }),
    );
  audit
    .command('export')
    .description('write the trail as JSON lines')
    .option('--out <file>', 'output file (default: stdout)')
    .action((flags: { out?: string }) =>
      withSql(async (sql) => {
        const out = flags.out ? createWriteStream(flags.out) : process.stdout;
        for await (const e of (await AuditLog.open(sql)).entries()) {
          if (!out.write(JSON.stringify(e) + '\n')) await once(out, 'drain');
        }
        if (flags.out) {
          (out as import('node:fs').WriteStream).end();
          await once(out, 'finish');
        }
      }),
    );
}
