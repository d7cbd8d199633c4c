import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Role, startTestServer, type TestServer } from './support/harness';
import { isLoopbackHost } from '../src/http/loopback';
import { EXPLORER_ASSETS_DIR } from '../src/explorer/assets';
import { developmentExplorerTokens } from '../src/explorer/page-token';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';

/**
 * Issue 12, the frontend developer: the self-hosted explorer at /explorer over HTTP (what a browser is sent),
 * and the rule for the development token in both explorers. explorer-browser.nodb.test.ts drives it in Chromium.
 */
const MAIN = resolve(__dirname, '../dist/main.js');
const PRODUCTION = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };

const origin = (server: TestServer) => server.url.replace(/\/graphql$/, '');
const html = { headers: { accept: 'text/html' } };

async function get(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

beforeAll(() => {
  if (!existsSync(join(EXPLORER_ASSETS_DIR, 'explorer.js'))) {
    throw new Error(`The explorer bundle is missing from ${EXPLORER_ASSETS_DIR}: run \`npm run build:server\` first (npm test does).`);
  }
});

describe('the explorer at /explorer, in development', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    token = 'a-development-token-for-the-explorer';
    server = await startTestServer({ explorerToken: async () => token });
  });
  afterAll(() => server.stop());

  it('serves a page that loads only its own bundle, with a strict Content-Security-Policy', async () => {
    const page = await get(`${origin(server)}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    // It may hold a development token: never cached, never framed.
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);

    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(['data:,', '/explorer/assets/explorer.css', '/explorer/assets/explorer.js']);
    for (const source of sources.slice(1)) {
      const asset = await get(`${origin(server)}${source}`);
      expect({ source, status: asset.status }).toEqual({ source, status: 200 });
      expect(asset.headers.get('content-type')).toMatch(source.endsWith('.js') ? /javascript/ : /text\/css/);
    }
    for (const worker of ['editor', 'json', 'graphql']) {
      expect((await get(`${origin(server)}/explorer/assets/${worker}.worker.js`)).status).toBe(200);
    }
    expect((await get(`${origin(server)}/explorer/assets/no-such-file.js`)).status).toBe(404);
  });

  it('opens on the GraphQL endpoint with the viewer query, live updates on the same path, and the token the server was given', async () => {
    const page = await get(`${origin(server)}/explorer`);
    const config = JSON.parse(/<script type="application\/json" id="explorer-config">(.*?)<\/script>/s.exec(page.text)![1]);
    expect(config).toEqual({
      endpoint: '/graphql',
      subscriptionEndpoint: '/graphql',
      assets: '/explorer/assets',
      headers: { Authorization: `Bearer ${token}` },
      query: expect.stringContaining('viewer {'),
    });
  });

  it('is linked from the Apollo Sandbox landing page, for when Sandbox cannot load', async () => {
    const landing = await get(server.url, html);
    expect(landing.status).toBe(200);
    expect(landing.text).toMatch(/Apollo Sandbox cannot be loaded/);
    expect(landing.text).toMatch(/<a href="\/explorer">[^<]+<\/a>/);
  });
});

/** GET with the Host header a browser would send for `host` (fetch may not set Host). */
function getWithHost(url: string, host: string, accept = 'text/html'): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, headers: { host, accept } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolveBody(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the development token and the Host a page is asked for by (SPEC §9, DNS rebinding)', () => {
  let server: TestServer;
  let port: string;
  const token = 'a-development-token-for-loopback-names-only';
  beforeAll(async () => {
    server = await startTestServer({ explorerToken: async () => token });
    port = new URL(server.url).port;
  });
  afterAll(() => server.stop());

  const pages = () => [`${origin(server)}/explorer`, server.url];

  it.each([['localhost'], ['LOCALHOST'], ['127.0.0.1'], ['127.0.0.53'], ['[::1]']])(
    'gives it to both explorers asked for as %s with the server’s port',
    async (name) => {
      for (const page of pages())
        expect({ page, prefilled: (await getWithHost(page, `${name}:${port}`)).includes(`Bearer ${token}`) }).toEqual({
          page,
          prefilled: true,
        });
    },
  );

  it.each([
    ['a rebinding name', (p: string) => `rebind.attacker.example:${p}`],
    ['a rebinding name without a port', () => 'rebind.attacker.example'],
    ['localhost on another port', (p: string) => `localhost:${Number(p) + 1}`],
    ['localhost without the port', () => 'localhost'],
    ['a private address', (p: string) => `192.168.1.20:${p}`],
    ['a name ending in localhost', (p: string) => `localhost.attacker.example:${p}`],
  ])('gives it to neither explorer asked for by %s', async (_what, host) => {
    for (const page of pages()) {
      const body = await getWithHost(page, host(port));
      expect({
        page,
        sandbox: /sandbox/i.test(body) || /explorer-config/.test(body),
        leaked: /Bearer|a-development-token/.test(body),
      }).toEqual({
        page,
        sandbox: true,
        leaked: false,
      });
    }
  });
});

describe('the development token is fresh for each page load', () => {
  const THIRTEEN_HOURS_MS = 13 * 3_600_000;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ explorerToken: developmentExplorerTokens(DEVELOPMENT_JWT_SECRET) });
  });
  afterAll(() => server.stop());

  it('signs in from a page loaded 13 hours after the server started (tokens last 12)', async () => {
    // Only Date moves: tokens and their verification read the wall clock; every timer stays real.
    jest.useFakeTimers({
      now: Date.now() + THIRTEEN_HOURS_MS,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      for (const page of [`${origin(server)}/explorer`, server.url]) {
        const bearer = /"Authorization":"Bearer ([\w-]+\.[\w-]+\.[\w-]+)"/.exec((await get(page, html)).text)?.[1];
        expect(bearer).toBeDefined();
        const response = await server.gql('{ viewer { roles } }', {}, bearer!);
        expect({ page, data: response.data, errors: response.errors }).toEqual({
          page,
          data: { viewer: { roles: ['PLATFORM_ADMIN'] } },
          errors: undefined,
        });
      }
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('production', () => {
  it('serves no explorer unless GRAPHQL_INTROSPECTION=true, like the Sandbox', async () => {
    const off = await startTestServer({ env: PRODUCTION });
    try {
      expect((await get(`${origin(off)}/explorer`, html)).status).toBe(404);
      expect((await get(`${origin(off)}/explorer/assets/explorer.js`)).status).toBe(404);
      expect((await get(off.url, html)).text).not.toMatch(/explorer/i);
    } finally {
      await off.stop();
    }
    const on = await startTestServer({ env: { ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' } });
    try {
      const page = await get(`${origin(on)}/explorer`, html);
      expect(page.status).toBe(200);
      expect(page.text).toContain('/explorer/assets/explorer.js');
      // Production never has the development secret, so there is no token to give.
      expect(page.text).not.toMatch(/Bearer/);
      const token = await on.token(Role.PLATFORM_ADMIN);
      expect((await on.gql('{ viewer { roles } }', {}, token)).data).toEqual({ viewer: { roles: ['PLATFORM_ADMIN'] } });
    } finally {
      await on.stop();
    }
  });
});

/** Starts the built server (`npm start` without the build) on a free port and returns its URL and first lines. */
async function startMain(env: Record<string, string>): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'sqlite::memory:', DEMO_DATA: 'false', PORT: '0', LOG_LEVEL: 'warn', ...env },
  });
  return new Promise((resolveStart, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /serving GraphQL at (\S+)[\s\S]*Get a development token/.exec(output);
      if (match) resolveStart({ child, url: match[1], output });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before serving: ${output}`)));
  });
}

async function stopMain(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('the development token in the explorers (npm start with the development secret)', () => {
  it('is pre-filled in Sandbox and /explorer while the server listens on loopback', async () => {
    const { child, url, output } = await startMain({ HOST: '127.0.0.1' });
    try {
      expect(output).toContain(`Offline explorer (GraphiQL, no internet needed): ${url.replace(/graphql$/, 'explorer')}`);
      expect(output).toContain('start with a PLATFORM_ADMIN development token');
      const explorer = await get(url.replace(/graphql$/, 'explorer'));
      const sandbox = await get(url, html);
      const prefilled = /"Authorization":"Bearer ([\w-]+\.[\w-]+\.[\w-]+)"/;
      expect(explorer.text).toMatch(prefilled);
      expect(sandbox.text).toMatch(prefilled);
      // The token works: it is the platform admin's.
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${prefilled.exec(explorer.text)![1]}` },
        body: JSON.stringify({ query: '{ viewer { roles } }' }),
      });
      expect(await response.json()).toEqual({ data: { viewer: { roles: ['PLATFORM_ADMIN'] } } });
    } finally {
      await stopMain(child);
    }
  });

  it('is in neither explorer when the server listens on every address (HOST=0.0.0.0)', async () => {
    const { child, url, output } = await startMain({ HOST: '0.0.0.0' });
    try {
      expect(output).toContain('No token is pre-filled in the explorers');
      const explorer = await get(url.replace(/graphql$/, 'explorer'));
      const sandbox = await get(url, html);
      expect(explorer.status).toBe(200);
      expect(sandbox.status).toBe(200);
      expect(sandbox.text).toMatch(/sandbox/i);
      for (const text of [explorer.text, sandbox.text]) {
        expect(text).not.toMatch(/Bearer|eyJ/);
      }
      expect(explorer.text).toContain('"headers":{}');
    } finally {
      await stopMain(child);
    }
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.53', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.5', false],
    ['tenantry.example.com', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
