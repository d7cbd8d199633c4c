import { request, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  assertWebhookUrl,
  guardedLookup,
  resolveDeliverableAddresses,
  WebhookTargetRefused,
} from '../src/services/webhook-delivery/webhook-target';
import { fakeDns } from './support/fake-dns';

/** SPEC §6 Safety: the URL rules and the address check shared by saving an endpoint and every attempt. */
describe('webhook targets', () => {
  const strict = { allowPrivateNetworks: false };

  const refusal = async (host: string): Promise<string> => {
    const error = await resolveDeliverableAddresses(host, strict).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookTargetRefused);
    return (error as WebhookTargetRefused).reason;
  };

  it.each([
    ['127.0.0.1', '127.0.0.1 is a loopback address.'],
    ['10.0.0.1', '10.0.0.1 is a private network address.'],
    ['192.168.1.20', '192.168.1.20 is a private network address.'],
    ['169.254.169.254', '169.254.169.254 is a cloud platform address.'],
    ['169.254.1.1', '169.254.1.1 is a link-local address.'],
    ['[::1]', '::1 is a loopback address.'],
    ['::ffff:127.0.0.1', '127.0.0.1 is a loopback address.'],
    ['fd00:ec2::254', 'fd00:ec2::254 is a cloud platform address.'],
    ['fc00::1', 'fc00::1 is a private (unique local) address.'],
    ['224.0.0.1', '224.0.0.1 is a multicast address.'],
    ['0.0.0.0', '0.0.0.0 is an unspecified address.'],
    ['100.64.0.1', '100.64.0.1 is a carrier-grade NAT address.'],
    ['168.63.129.16', '168.63.129.16 is a cloud platform address.'],
    ['::ffff:168.63.129.16', '168.63.129.16 is a cloud platform address.'],
    ['[::7f00:1]', '::7f00:1 is an IPv4-compatible IPv6 address for 127.0.0.1 (a loopback address).'],
    ['::10.0.0.1', '::a00:1 is an IPv4-compatible IPv6 address for 10.0.0.1 (a private network address).'],
    ['::a9fe:a9fe', '::a9fe:a9fe is an IPv4-compatible IPv6 address for 169.254.169.254 (a cloud platform address).'],
    ['::808:808', '::808:808 is an IPv4-compatible IPv6 address (deprecated: use 8.8.8.8 itself).'],
  ])('refuses %s: %s', async (host, reason) => {
    expect(await refusal(host)).toBe(reason);
  });

  // The rule for an address a name resolves to is the rule for a literal: the same kinds, named the same way.
  it.each([
    [['168.63.129.16'], 'hooks.example.com resolves to 168.63.129.16, which is a cloud platform address.'],
    [['fd00:ec2::254'], 'hooks.example.com resolves to fd00:ec2::254, which is a cloud platform address.'],
    [['::7f00:1'], 'hooks.example.com resolves to ::7f00:1, which is an IPv4-compatible IPv6 address for 127.0.0.1 (a loopback address).'],
    // As Node prints an IPv4-compatible answer; ipaddr.js alone would read it as ::ffff:127.0.0.1.
    [
      ['::127.0.0.1'],
      'hooks.example.com resolves to ::7f00:1, which is an IPv4-compatible IPv6 address for 127.0.0.1 (a loopback address).',
    ],
    [['::8.8.8.8'], 'hooks.example.com resolves to ::808:808, which is an IPv4-compatible IPv6 address (deprecated: use 8.8.8.8 itself).'],
    [
      ['93.184.215.14', '::a9fe:a9fe'],
      'hooks.example.com resolves to ::a9fe:a9fe, which is an IPv4-compatible IPv6 address for 169.254.169.254 (a cloud platform address).',
    ],
  ])('refuses a name that resolves to %j', async (addresses, reason) => {
    const restore = fakeDns({ 'hooks.example.com': addresses });
    try {
      expect(await refusal('hooks.example.com')).toBe(reason);
    } finally {
      restore();
    }
  });

  it('refuses a name that resolves to loopback, naming the address', async () => {
    expect(await refusal('localhost')).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is a loopback address\.$/);
  });

  it('accepts public addresses without a lookup, and everything when private networks are allowed', async () => {
    expect(await resolveDeliverableAddresses('93.184.215.14', strict)).toEqual([{ address: '93.184.215.14', family: 4 }]);
    expect(await resolveDeliverableAddresses('[2606:4700::1111]', strict)).toEqual([{ address: '2606:4700::1111', family: 6 }]);
    expect(await resolveDeliverableAddresses('127.0.0.1', { allowPrivateNetworks: true })).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('refuses a name that does not resolve', async () => {
    expect(await refusal('no-such-host.invalid')).toBe('The host name no-such-host.invalid could not be resolved.');
  });

  it.each([
    ['unparsable', 'not a url', false, /could not be parsed/],
    ['ftp', 'ftp://example.com/x', false, /not ftp:/],
    ['http in production', 'http://example.com/x', true, /https:\/\/ in production/],
    ['user and password', 'https://user:pw@example.com/x', false, /user name or password/],
    ['user only', 'https://user@example.com/x', false, /user name or password/],
    ['an empty user name and password', 'https://:@example.com/x', false, /user name or password/],
    ['an empty user info', 'https://@example.com/x', false, /user name or password/],
    ['an empty user info after backslashes', 'https:\\\\:@example.com/x', false, /user name or password/],
    ['an empty user info after a leading control character', '\u0001https://:@example.com/x', false, /user name or password/],
    ['an empty user info split by a tab', 'https://:\t@example.com/x', false, /user name or password/],
    ['port 0', 'https://example.com:0/x', false, /port 0 .*1 to 65535/i],
    ['too long', `https://example.com/${'a'.repeat(2048)}`, false, /longer than 2048/],
  ])('refuses a URL: %s', (_case, url, production, message) => {
    expect(() => assertWebhookUrl(url, { production })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(message),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url' }),
      }),
    );
  });

  it('accepts http:// outside production and https:// everywhere', () => {
    expect(assertWebhookUrl('http://example.com/hook', { production: false }).hostname).toBe('example.com');
    expect(assertWebhookUrl('https://example.com/hook', { production: true }).hostname).toBe('example.com');
  });

  describe('guardedLookup in http.request', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((_req, res) => res.end('reached'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const get = (allowPrivateNetworks: boolean) =>
      new Promise<string>((resolve, reject) => {
        const req = request(
          { host: 'localhost', port, family: 4, path: '/', agent: false, lookup: guardedLookup({ allowPrivateNetworks }) },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve(body));
          },
        );
        req.on('error', reject);
        req.end();
      });

    it('connects to a checked address, and never to a refused one', async () => {
      expect(await get(true)).toBe('reached');
      await expect(get(false)).rejects.toThrow(/^localhost resolves to 127\.0\.0\.1, which is a loopback address\.$/);
    });
  });
});
