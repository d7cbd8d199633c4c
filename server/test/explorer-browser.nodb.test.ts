import { type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { ok, Role, startTestServer, type TestServer } from './support/harness';
import { untilLive } from './support/live';
import { CREATE_TENANT } from './graphql/shared-definitions';
import { signDevelopmentToken } from '../src/auth/tokens';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';
import { ifSetUp } from './support/set-up';

/**
 * Issue 12, the frontend developer, in a real browser: Debian's Chromium (driven by playwright-core) opens the
 * offline explorer, runs operations and reads their results on the page. Nothing may come from another origin.
 * This spec never skips: without Chromium it fails and says how to install it.
 */

/** A fresh browser profile that records every request and every error the page reports. */
async function openContext(browser: Browser) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // CSP violations and failed loads are console errors. An explorer without a token sees 401s, which it shows.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return { context, page, requests, problems };
}

const NBSP = /\u00a0/g;

/** The text of the result pane once it contains `expected`, as the person in front of it reads it. */
async function resultContaining(page: Page, expected: string): Promise<string> {
  const pane = page.locator('.graphiql-response');
  await pane.filter({ hasText: expected }).waitFor({ timeout: 30_000 });
  return (await pane.innerText()).replace(NBSP, ' ');
}

/** Clicks the run button and returns the GraphQL request the page sent for `marker` (the introspection is another). */
async function run(page: Page, marker: string): Promise<Request> {
  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/graphql') && (r.postData() ?? '').includes(marker));
  await page.locator('.graphiql-execute-button').click();
  return sent;
}

/** Replaces the content of a Monaco editor as a person would: click, select all, type. */
async function typeInto(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .monaco-editor`).first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('the offline explorer in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => ifSetUp(browser)?.close());

  describe('on a server listening on loopback', () => {
    let server: TestServer;
    let token: string;
    beforeAll(async () => {
      // The token npm start would pre-fill: a platform admin's, signed with the development secret.
      token = await signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { roles: [Role.PLATFORM_ADMIN], subject: 'explorer-spec' });
      server = await startTestServer({ explorerToken: async () => token });
    });
    afterAll(() => ifSetUp(server)?.stop());
    const origin = () => new URL(server.url).origin;

    it('opens with the development token and runs the pre-filled viewer query', async () => {
      const { context, page, requests, problems } = await openContext(browser);
      try {
        await page.goto(`${origin()}/explorer`);
        await page.locator('.graphiql-query-editor').filter({ hasText: 'viewer' }).waitFor({ timeout: 30_000 });
        const sent = await run(page, 'viewer');
        expect(sent.headers().authorization).toBe(`Bearer ${token}`);

        const text = await resultContaining(page, 'PLATFORM_ADMIN');
        expect(JSON.parse(text)).toEqual({
          data: { viewer: { subject: 'explorer-spec', roles: ['PLATFORM_ADMIN'], tenant: null, partner: null } },
        });
        // Offline by construction: the page, its scripts, styles, fonts and workers all come from this server.
        expect(requests.filter((url) => !url.startsWith(`${origin()}/`) && !url.startsWith('data:'))).toEqual([]);
        expect(requests).toEqual(expect.arrayContaining([`${origin()}/explorer/assets/explorer.js`, `${origin()}/graphql`]));
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('runs an operation typed into the editor, with variables', async () => {
      const { context, page, problems } = await openContext(browser);
      try {
        await page.goto(`${origin()}/explorer`);
        await page.locator('.graphiql-query-editor').filter({ hasText: 'viewer' }).waitFor({ timeout: 30_000 });
        await typeInto(
          page,
          '.graphiql-query-editor',
          'query CheckId($id: String!) { verifyPartnerId(partnerId: $id) { partnerId valid reason } }',
        );
        await page.getByRole('button', { name: 'Variables' }).click();
        await typeInto(page, '.graphiql-editor-tool', '{ "id": "12ab" }');

        const sent = await run(page, 'CheckId');
        expect(sent.postDataJSON()).toMatchObject({ operationName: 'CheckId', variables: { id: '12ab' } });
        const text = await resultContaining(page, 'INVALID_FORMAT');
        expect(JSON.parse(text)).toEqual({ data: { verifyPartnerId: { partnerId: '12ab', valid: false, reason: 'INVALID_FORMAT' } } });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('runs a subscription over the WebSocket with the token of the Headers tab, and shows each event as it arrives', async () => {
      const { context, page, problems } = await openContext(browser);
      try {
        const sentOnSockets: string[] = [];
        page.on('websocket', (socket) => socket.on('framesent', (frame) => sentOnSockets.push(String(frame.payload))));
        await page.goto(`${origin()}/explorer`);
        await page.locator('.graphiql-query-editor').filter({ hasText: 'viewer' }).waitFor({ timeout: 30_000 });
        await typeInto(page, '.graphiql-query-editor', 'subscription Watch { events(types: ["tenant.created"]) { action targetId } }');
        const edited = await server.token(Role.PLATFORM_ADMIN, { subject: 'explorer-headers' });
        // The Headers tab is open from the start; its editor holds the pre-filled token, replaced here.
        await page.locator('.graphiql-editor-tool .monaco-editor[data-uri$="headers.json"]').click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Delete');
        await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${edited}` }));
        await page.locator('.graphiql-execute-button').click();
        await untilLive(server, 1, 30_000);

        const created = ok(
          await server.gql(CREATE_TENANT, { input: { name: 'Explorer Live', domain: 'explorer-live.example', countryCode: 'VN' } }, edited),
        ).createTenant.tenant.id;
        const text = await resultContaining(page, created);
        expect(JSON.parse(text)).toEqual({ data: { events: { action: 'tenant.created', targetId: created } } });
        const init = sentOnSockets.map((frame) => JSON.parse(frame)).find((message) => message.type === 'connection_init');
        expect(init.payload).toMatchObject({ Authorization: `Bearer ${edited}` });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('is reached from the Sandbox landing page when Sandbox cannot load (offline)', async () => {
      const { context, page } = await openContext(browser);
      try {
        // No internet: every request to another origin fails, as it does offline or behind a firewall.
        await context.route(
          (url) => url.origin !== origin(),
          (route) => route.abort('internetdisconnected'),
        );
        await page.goto(server.url);
        await page.getByRole('link', { name: /explorer/i }).click();
        await page.waitForURL(`${origin()}/explorer`);
        await run(page, 'viewer');
        expect(await resultContaining(page, 'PLATFORM_ADMIN')).toContain('"subject": "explorer-spec"');
      } finally {
        await context.close();
      }
    });
  });

  describe('on a server listening on every address (HOST=0.0.0.0)', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ env: { HOST: '0.0.0.0' }, explorerToken: async () => 'a-token-that-must-not-reach-the-page' });
    });
    afterAll(() => ifSetUp(server)?.stop());

    it('pre-fills no token: the query is sent without one and the page shows UNAUTHENTICATED', async () => {
      const { context, page, problems } = await openContext(browser);
      try {
        await page.goto(`${new URL(server.url).origin}/explorer`);
        await page.locator('.graphiql-query-editor').filter({ hasText: 'viewer' }).waitFor({ timeout: 30_000 });
        expect(await page.content()).not.toContain('a-token-that-must-not-reach-the-page');
        const sent = await run(page, 'viewer');
        expect(sent.headers().authorization).toBeUndefined();
        const text = await resultContaining(page, 'UNAUTHENTICATED');
        // Long lines wrap in the pane, so the answer is read as text.
        expect(text).toContain('"code": "UNAUTHENTICATED"');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
