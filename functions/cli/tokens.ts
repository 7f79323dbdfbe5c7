/**
 * Issues, lists and revokes API tokens (an administrator's command line).
 *
 *   npm run --silent tokens -- issue --role agency --agency so-cong-thuong [--person NAME [--email ADDRESS]] [--label …] [--expires 2027-06-30]
 *   npm run --silent tokens -- issue --role admin|viewer [--person NAME] [--label …]
 *
 * With --person the token is a personal account: its holder signs in to the web app with
 * the token id and the secret (printed once), and every write names the person; with
 * --email too, the person receives their agency's reminders (a leader: the weekly digest).
 *   npm run --silent tokens -- list
 *   npm run --silent tokens -- rotate tok_…
 *   npm run --silent tokens -- revoke tok_…
 *
 * The secret is printed once, at issue or rotation; only its hash is stored. A token
 * expires in a year unless --expires says sooner (at most two years); a collective gets
 * none. Against the running local platform (found through --data-dir, DATA_DIR or
 * .data), or the table TABLE_NAME names. Issues, rotations and revocations are audited
 * as the command line's user.
 */
import { userInfo } from 'node:os';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { ROLES, type Role } from '#shared/domain/access/caller.ts';
import { issueToken, revokeToken, rotateToken } from '#shared/use-cases/access.ts';
import { parseCommandLine, runCommand, UsageError } from './command-line.ts';
import { commandTable, DATA_DIR_OPTION } from './command-table.ts';

const USAGE = `usage: npm run --silent tokens -- issue --role ${ROLES.join('|')} [--agency ID] [--person NAME [--email ADDRESS]] [--label TEXT] [--expires YYYY-MM-DD]
       npm run --silent tokens -- list
       npm run --silent tokens -- rotate TOKEN_ID
       npm run --silent tokens -- revoke TOKEN_ID
       (each with [--data-dir DIR] for a local platform other than .data's)`;

const TOKENS_COMMAND = {
  usage: USAGE,
  options: {
    role: { type: 'string' },
    agency: { type: 'string' },
    label: { type: 'string' },
    person: { type: 'string' },
    email: { type: 'string' },
    expires: { type: 'string' },
    ...DATA_DIR_OPTION,
  },
  positionals: { min: 1, max: 2 },
} as const;

function isRole(value: string | undefined): value is Role {
  return (ROLES as readonly string[]).includes(value ?? '');
}

type TokenCommand =
  | { command: 'issue'; role: Role; expiresAt: Date | undefined }
  | { command: 'list' }
  | { command: 'revoke' | 'rotate'; tokenId: string };

/** The command and what it needs, checked before anything is read or written. */
function commandOf(
  positionals: string[],
  values: { role?: string; expires?: string },
): TokenCommand {
  const [command, argument] = positionals;
  if (command === 'revoke' || command === 'rotate') {
    if (argument === undefined) throw new UsageError(`${command} needs a TOKEN_ID`);
    return { command, tokenId: argument };
  }
  if (command !== 'issue' && command !== 'list') {
    throw new UsageError(
      `unknown command ${command}; the commands are issue, list, rotate, revoke`,
    );
  }
  if (argument !== undefined) throw new UsageError(`unexpected argument ${argument}`);
  if (command === 'list') return { command };
  if (!isRole(values.role)) throw new UsageError(`issue needs --role ${ROLES.join('|')}`);
  const expiresAt = values.expires ? new Date(`${values.expires}T23:59:59.999+07:00`) : undefined;
  if (
    expiresAt &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(values.expires ?? '') || !(expiresAt.getTime() > 0))
  ) {
    throw new UsageError('--expires takes a date, YYYY-MM-DD');
  }
  return { command, role: values.role, expiresAt };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(TOKENS_COMMAND, argv);
  const wanted = commandOf(positionals, values);
  const { db, tableName } = await commandTable(values['data-dir']);
  const { tokens, audit: log } = dynamoStores(db, tableName);
  const audit = {
    audit: log,
    actor: { tokenId: 'command-line', agencyId: null, person: userInfo().username },
  };

  switch (wanted.command) {
    case 'issue': {
      const { secret, record } = await issueToken(
        {
          role: wanted.role,
          agencyId: values.agency,
          label: values.label ?? values.person ?? wanted.role,
          expiresAt: wanted.expiresAt,
          person: values.person,
          email: values.email,
        },
        tokens,
        new Date(),
        audit,
      );
      console.log(
        JSON.stringify({
          tokenId: record.tokenId,
          role: record.role,
          agencyId: record.agencyId,
          person: record.person,
          email: record.email,
          expiresAt: record.expiresAt,
          token: secret,
        }),
      );
      return 0;
    }
    case 'rotate': {
      const { secret, record } = await rotateToken(wanted.tokenId, tokens, new Date(), audit);
      console.log(
        JSON.stringify({
          tokenId: record.tokenId,
          replaces: wanted.tokenId,
          expiresAt: record.expiresAt,
          token: secret,
        }),
      );
      return 0;
    }
    case 'list':
      for (const record of await tokens.list()) {
        const { tokenHash: _hidden, ...visible } = record;
        console.log(JSON.stringify(visible));
      }
      return 0;
    case 'revoke':
      if (await revokeToken(wanted.tokenId, tokens, new Date(), audit)) {
        console.log(`revoked ${wanted.tokenId}`);
        return 0;
      }
      console.error(`error: no token ${wanted.tokenId}`);
      return 1;
  }
}

runCommand(USAGE, () => main(process.argv.slice(2)));
