/**
 * Issue 11, defect 4, the safety net (SPEC §3): a value the database refuses although validation let it
 * through is BAD_USER_INPUT naming the field, never INTERNAL_SERVER_ERROR, and nothing is committed.
 *
 * Validation is meant to leave no such value (edges-input-text proves the lengths), so the gap is made
 * here: columns narrower than the API's rules, as a rule and a column that disagree would leave them.
 * Only MySQL/MariaDB refuses values (SQLite enforces no length, and its integers hold any GraphQL Int),
 * so this spec runs on MariaDB only (the sqlite project does not collect `*.mariadb.test.ts`).
 */
import { codeOf, expectNothingChanged, Role, startTestServer, type GraphQLResponse, type TestServer } from './support/harness';
import { createLogger } from '../src/logger';
import { CREATE_OFFER, CREATE_TENANT } from './graphql/shared-definitions';

describe('a value the database refuses (MariaDB)', () => {
  const logLines: string[] = [];
  let server: TestServer;
  let platform: string;
  beforeAll(async () => {
    server = await startTestServer({ logger: createLogger('info', (line) => logLines.push(line)) });
    platform = await server.token(Role.PLATFORM_ADMIN);
    await server.dataSource.query('ALTER TABLE tenants MODIFY name varchar(5) COLLATE utf8mb4_bin NOT NULL');
    await server.dataSource.query('ALTER TABLE offers MODIFY maxQuantity tinyint NOT NULL');
  });
  afterAll(() => server.stop());

  async function expectBadInput(act: () => Promise<GraphQLResponse>, field: string) {
    await expectNothingChanged(server, async () => {
      const response = await act();
      expect({ code: codeOf(response), field: response.errors?.[0].extensions.field }).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(response.errors![0].message).toMatch(new RegExp(`^Invalid value for "${field}": `));
      expect(response.errors![0].message).not.toMatch(/Data too long|Out of range|INSERT|tenants|offers/);
    });
  }

  it('answers a value too long for its column as BAD_USER_INPUT on that field', async () => {
    await expectBadInput(
      () =>
        server.gql(CREATE_TENANT, { input: { name: 'Contoso Pharmaceuticals', domain: 'too-long.example', countryCode: 'VN' } }, platform),
      'name',
    );
  });

  it('answers a number out of its column’s range as BAD_USER_INPUT on that field', async () => {
    const input = { sku: 'OUT-OF-RANGE', name: 'Out of range', minQuantity: 1, maxQuantity: 1000, unitPriceCents: 100, currency: 'USD' };
    await expectBadInput(() => server.gql(CREATE_OFFER, { input }, platform), 'maxQuantity');
  });

  it('logs each such refusal as unexpected, with the driver’s codes and no SQL, parameters or stack trace', () => {
    const errors = logLines
      .map((line) => JSON.parse(line) as { level: number; err?: Record<string, unknown> })
      .filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const { err } of errors) {
      expect(err).toMatchObject({
        type: 'QueryFailedError',
        message: 'A database statement failed.',
        code: expect.stringMatching(/^(ER_|WARN_)/),
      });
      expect(JSON.stringify(err)).not.toMatch(/INSERT|tenants|offers|OUT-OF-RANGE|\n\s+at /);
    }
  });
});
