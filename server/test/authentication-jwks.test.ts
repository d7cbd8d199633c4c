import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { codeOf, ok, startTestServer, type TestServer } from './support/harness';
import { GET_VIEWER } from './graphql/shared-definitions';

/** An identity provider's JWKS endpoint, on loopback, serving one RS256 public key. */
describe('authentication with an external identity provider (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE)', () => {
  let server: TestServer;
  let jwks: http.Server;
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; audience?: string; key?: CryptoKey }) => Promise<string>;
  let strangerKey: CryptoKey;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    server = await startTestServer({
      env: { AUTH_JWKS_URL: url, AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'tenantry-api' },
    });
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
        .setSubject('user@idp')
        .setIssuer(options.issuer ?? 'https://idp.example')
        .setAudience(options.audience ?? 'tenantry-api')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(options.key ?? privateKey);
  });
  afterAll(async () => {
    await server.stop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('accepts a token signed by the provider’s key with the right issuer and audience', async () => {
    const token = await sign({ roles: ['PLATFORM_ADMIN'] });
    expect(ok(await server.gql(GET_VIEWER, {}, token)).viewer).toEqual({ subject: 'user@idp', roles: ['PLATFORM_ADMIN'] });
  });

  it.each([
    ['another issuer', { issuer: 'https://evil.example' }],
    ['another audience', { audience: 'someone-else' }],
  ])('refuses a token for %s', async (_label, options) => {
    const response = await server.gql(GET_VIEWER, {}, await sign({ roles: ['PLATFORM_ADMIN'] }, options));
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const response = await server.gql(GET_VIEWER, {}, await sign({ roles: ['PLATFORM_ADMIN'] }, { key: strangerKey }));
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });

  it('refuses an HS256 token made with the development secret', async () => {
    const response = await server.gql(GET_VIEWER, {}, await server.token('PLATFORM_ADMIN' as never));
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });
});
