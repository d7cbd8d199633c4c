import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { Role } from '../entities/enums';
import { signDevelopmentToken } from '../auth/tokens';

const usage = `Usage: npm run token -- --role ROLE [--tenant TENANT_ID | --partner PARTNER_ID] [--subject SUB] [--expires 12h]
Roles: ${Object.values(Role).join(', ')}`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      partner: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.role?.length) {
    process.stderr.write(`${usage}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const roles = values.role.flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase());
  const unknown = roles.filter((r) => !(Object.values(Role) as string[]).includes(r));
  if (unknown.length) {
    process.stderr.write(`Unknown role ${unknown.join(', ')}.\n${usage}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  if (!config.auth.jwtSecret) {
    process.stderr.write('AUTH_JWKS_URL is set: tokens come from your identity provider, not from this command.\n');
    process.exit(2);
  }
  const token = await signDevelopmentToken(config.auth.jwtSecret, {
    roles: roles as Role[],
    tenantId: values.tenant,
    partnerId: values.partner,
    subject: values.subject,
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
