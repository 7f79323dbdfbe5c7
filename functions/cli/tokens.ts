/**
 * Issues, lists and revokes API tokens (an administrator's command line).
 *
 *   npm run --silent tokens -- issue --role agency --agency so-cong-thuong [--label …] [--expires 2027-06-30]
 *   npm run --silent tokens -- issue --role admin|viewer [--label …]
 *   npm run --silent tokens -- list
 *   npm run --silent tokens -- revoke tok_…
 *
 * The secret is printed once, at issue; only its hash is stored.
 * Needs TABLE_NAME (and DYNAMODB_ENDPOINT for a local store).
 */
import { parseArgs } from 'node:util';
import { DynamoTokenStore } from '#shared/adapters/dynamodb/token-store.ts';
import { ROLES, type Role } from '#shared/domain/access/caller.ts';
import { DomainError } from '#shared/domain/errors.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { tableAccess } from '../wiring.ts';

const USAGE = `usage: npm run --silent tokens -- issue --role ${ROLES.join('|')} [--agency ID] [--label TEXT] [--expires YYYY-MM-DD]
       npm run --silent tokens -- list
       npm run --silent tokens -- revoke TOKEN_ID`;

function isRole(value: string | undefined): value is Role {
  return (ROLES as readonly string[]).includes(value ?? '');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      label: { type: 'string' },
      expires: { type: 'string' },
    },
    allowPositionals: true,
  });
  const [command, argument] = positionals;
  const { db, tableName } = tableAccess();
  const tokens = new DynamoTokenStore(db, tableName);

  switch (command) {
    case 'issue': {
      if (!isRole(values.role)) break;
      const expiresAt = values.expires
        ? new Date(`${values.expires}T23:59:59.999+07:00`)
        : undefined;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) break;
      const { secret, record } = await issueToken(
        {
          role: values.role,
          agencyId: values.agency,
          label: values.label ?? values.role,
          expiresAt,
        },
        tokens,
        new Date(),
      );
      console.log(
        JSON.stringify({
          tokenId: record.tokenId,
          role: record.role,
          agencyId: record.agencyId,
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
      if (!argument) break;
      if (await tokens.revoke(argument, new Date())) {
        console.log(`revoked ${argument}`);
        return 0;
      }
      console.error(`no token ${argument}`);
      return 1;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof DomainError ||
        (error instanceof Error && error.name === 'ConfigurationError')
        ? error.message
        : error,
    );
    process.exit(1);
  },
);
