import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { Role, startTestServer, type TestServer } from './support/harness';
import { ifSetUp } from './support/set-up';

/**
 * SPEC §9, browser frontends on another origin: a page served from a second port (another origin) calls the
 * API with fetch and with urql and subscribes over the WebSocket. Outside production any loopback origin may;
 * in production only the origins of CORS_ORIGINS may, and a page elsewhere is refused by its browser (no CORS
 * headers) and by the WebSocket (403). In Debian's Chromium; it never skips (see explorer-browser).
 */
const PRODUCTION = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };

/** What the page does, bundled with esbuild: each door's answer, or `refused: …` when the browser or server refused. */
const PAGE_SCRIPT = `
import { Client, fetchExchange } from '@urql/core';
import { createClient } from 'graphql-ws';
const VIEWER = '{ viewer { roles } }';
const refused = (error) => 'refused: ' + (error && error.message ? error.message : String(error));
window.tryTheApi = async ({ api, token }) => {
  const authorization = 'Bearer ' + token;
  const out = {};
  try {
    const response = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: VIEWER }) });
    out.fetch = (await response.json()).data;
  } catch (error) {
    out.fetch = refused(error);
  }
  const urql = new Client({ url: api, exchanges: [fetchExchange], fetchOptions: { headers: { authorization } } });
  const answer = await urql.query(VIEWER, {}).toPromise();
  out.urql = answer.error ? refused(answer.error) : answer.data;
  out.live = await new Promise((resolve) => {
    const ws = createClient({ url: api.replace(/^http/, 'ws'), connectionParams: { authorization }, retryAttempts: 0 });
    let timer;
    const finish = (value) => { clearInterval(timer); ws.dispose(); resolve(value); };
    ws.on('closed', (event) => finish(refused('closed ' + (event && event.code))));
    ws.subscribe({ query: 'subscription { events(types: ["tenant.created"]) { action } }' }, {
      next: (result) => finish(result.data ? result.data.events : result),
      error: (error) => finish(refused(error)),
      complete: () => undefined,
    });
    // An event to receive: this page creates tenants (by fetch) until one arrives on the socket.
    ws.on('connected', () => {
      let n = 0;
      const create = () => fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }',
          variables: { input: { name: 'Cors ' + n, domain: 'cors-' + Date.now() + '-' + n++ + '.example', countryCode: 'VN' } } }) });
      timer = setInterval(create, 300);
      create();
    });
    setTimeout(() => finish(refused('no event within 15 s')), 15_000);
  });
  return out;
};
`;

/** The frontend's own server: one page and its bundle, on a port of its own (so another origin than the API's). */
async function startPageServer(): Promise<{ port: number; stop(): Promise<void> }> {
  const bundle = (
    await build({
      stdin: { contents: PAGE_SCRIPT, resolveDir: __dirname },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
    })
  ).outputFiles[0].text;
  const server = http.createServer((req, res) => {
    if (req.url === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>frontend</title><script src="/app.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('a frontend on another origin, in Chromium', () => {
  let browser: Browser;
  let pages: Awaited<ReturnType<typeof startPageServer>>;
  beforeAll(async () => {
    [browser, pages] = await Promise.all([launchChromium(), startPageServer()]);
  });
  afterAll(async () => {
    await ifSetUp(browser)?.close();
    await ifSetUp(pages)?.stop();
  });

  /** Opens the frontend at `origin` and lets it try the API: fetch, urql and a live subscription. */
  async function tryFrom(origin: string, server: TestServer) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const token = await server.token(Role.PLATFORM_ADMIN);
      return await page.evaluate(
        (args) => (globalThis as unknown as { tryTheApi(a: unknown): Promise<Record<string, unknown>> }).tryTheApi(args),
        {
          api: server.url,
          token,
        },
      );
    } finally {
      await context.close();
    }
  }

  const answered = {
    fetch: { viewer: { roles: ['PLATFORM_ADMIN'] } },
    urql: { viewer: { roles: ['PLATFORM_ADMIN'] } },
    live: { action: 'tenant.created' },
  };

  describe('outside production', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => ifSetUp(server)?.stop());

    it('a dev server on a loopback origin calls the API with fetch and urql and gets live updates, with no configuration', async () => {
      expect(await tryFrom(`http://127.0.0.1:${pages.port}`, server)).toEqual(answered);
      expect(await tryFrom(`http://localhost:${pages.port}`, server)).toEqual(answered);
    });

    it('answers the preflight for the origin only: Authorization and Content-Type allowed, no credentials, never *', async () => {
      const origin = `http://localhost:${pages.port}`;
      const preflight = await fetch(server.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(
        expect.arrayContaining(['authorization', 'content-type']),
      );
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      expect(preflight.headers.get('vary')).toMatch(/origin/i);
    });
  });

  describe('in production, with CORS_ORIGINS naming one origin', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ env: { ...PRODUCTION, CORS_ORIGINS: `http://localhost:${pages.port}` } });
    });
    afterAll(() => ifSetUp(server)?.stop());

    it('the listed origin calls the API and gets live updates', async () => {
      expect(await tryFrom(`http://localhost:${pages.port}`, server)).toEqual(answered);
    });

    it('the same page on an origin not in CORS_ORIGINS is refused at every door: no CORS headers for fetch and urql, 403 for the WebSocket', async () => {
      const outcome = await tryFrom(`http://127.0.0.1:${pages.port}`, server);
      expect(outcome).toEqual({
        fetch: expect.stringMatching(/^refused: /),
        urql: expect.stringMatching(/^refused: /),
        live: expect.stringMatching(/^refused: /),
      });
      const preflight = await fetch(server.url, {
        method: 'OPTIONS',
        headers: {
          origin: `http://127.0.0.1:${pages.port}`,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
