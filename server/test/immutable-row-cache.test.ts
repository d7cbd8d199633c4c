import { ok, Role, startTestServer, type TestServer } from './support/harness';

const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } } }`;
const PARTNER = `query($id: ID!) { partner(id: $id) { name capabilities } }`;
type Partner = { partner: { name: string; capabilities: string[] } | null };

/**
 * Partners are kept by the process across requests (db/immutable-row-cache.ts). Creating one forgets
 * whatever the process held under its Partner ID, so a row deleted outside the API and created again
 * under the same ID reads as it is now, not as it was.
 */
describe('the cache of immutable rows', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.token(Role.PLATFORM_ADMIN);
  });
  afterAll(() => server.stop());

  it('reads a partner created again under the same Partner ID afresh', async () => {
    const create = (name: string, capabilities: string[]) =>
      server.gql(CREATE_PARTNER, { input: { id: '4400001', name, countryCode: 'VN', capabilities } }, admin);

    ok(await create('First Owner', ['RESELLER']));
    expect(ok(await server.gql<Partner>(PARTNER, { id: '4400001' }, admin)).partner).toEqual({
      name: 'First Owner',
      capabilities: ['RESELLER'],
    });

    await server.dataSource.query('DELETE FROM partners WHERE id = ?', ['4400001']);
    ok(await create('Second Owner', ['ADVISOR']));
    expect(ok(await server.gql<Partner>(PARTNER, { id: '4400001' }, admin)).partner).toEqual({
      name: 'Second Owner',
      capabilities: ['ADVISOR'],
    });
  });
});
