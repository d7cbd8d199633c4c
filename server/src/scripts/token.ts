/**
 * Prints a development token, and nothing else, on stdout (SPEC §5):
 *
 *   export TOKEN=$(npm run -s token -- --role PARTNER_ADMIN_AGENT --partner 4100001)
 *
 * A token the server would refuse is never printed: its claims go through the server's own rules
 * (actorFromClaims) first, and a refusal is one line on stderr with a non-zero exit.
 */
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { ConfigError, loadConfig } from '../config';
import { Role } from '../entities/enums';
import { actorFromClaims, signDevelopmentToken } from '../auth/tokens';

const usage = `Usage: npm run -s token -- --role ROLE [--tenant TENANT_ID | --partner PARTNER_ID] [--subject SUB] [--expires 12h]
Roles: ${Object.values(Role).join(', ')}
Tenant roles take --tenant (the tenant's id), partner roles take --partner (the Partner ID), PLATFORM_ADMIN takes neither.`;

const CLAIM_HINT = 'Use --tenant with tenant roles, --partner with partner roles, neither with PLATFORM_ADMIN (--help lists the roles).';

class UsageError extends Error {}

/**
 * npm prints its "> tenantry@… token" banner on stdout unless run with -s (--silent). When stdout is
 * captured, as in TOKEN=$(npm run token …), the banner lands in the variable next to the token.
 */
function noteNpmBanner(): void {
  const underNpm = process.env.npm_lifecycle_event === 'token';
  if (underNpm && process.env.npm_config_loglevel !== 'silent' && !process.stdout.isTTY) {
    process.stderr.write(
      'npm printed its "> tenantry… token" banner into this output too: use `npm run -s token -- …` to capture only the token.\n',
    );
  }
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string', multiple: true },
        tenant: { type: 'string' },
        partner: { type: 'string' },
        subject: { type: 'string' },
        expires: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (--help shows the usage).`);
  }
  if (values.help) {
    process.stderr.write(`${usage}\n`);
    return;
  }
  if (!values.role?.length) throw new UsageError('--role is required.');
  const config = loadConfig();
  if (!config.auth.jwtSecret) {
    throw new UsageError('AUTH_JWKS_URL is set: tokens come from your identity provider, not from this command.');
  }
  const token = await signDevelopmentToken(config.auth.jwtSecret, {
    roles: values.role.flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase()) as Role[],
    tenantId: values.tenant,
    partnerId: values.partner,
    subject: values.subject,
    expiresIn: values.expires,
  }).catch((error: Error) => {
    throw new UsageError(`--expires: ${error.message} (use a duration such as 30m, 12h or 7d).`);
  });
  try {
    actorFromClaims(decodeJwt(token));
  } catch (error) {
    throw new UsageError(`the server would refuse this token: ${(error as Error).message} ${CLAIM_HINT}`);
  }
  noteNpmBanner();
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  const expected = error instanceof UsageError || error instanceof ConfigError;
  process.stderr.write(`npm run token: ${expected ? error.message : String(error)}\n`);
  process.exit(expected ? 2 : 1);
});
