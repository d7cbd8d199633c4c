import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { EXPLORER_ASSETS_DIR, EXPLORER_SCRIPT, EXPLORER_STYLESHEET } from './assets';
import type { PageToken } from './page-token';

export const EXPLORER_PATH = '/explorer';
const ASSETS_PATH = `${EXPLORER_PATH}/assets`;

export interface ExplorerOptions {
  /** Where GraphQL is served, e.g. `/graphql`. */
  endpoint: string;
  /** Where live updates are served over WebSocket, once the server has them; the page then runs subscriptions there. */
  subscriptionEndpoint?: string;
  /** Sent as `Authorization: Bearer …` until the user edits the headers; only ever given on a loopback server. */
  token: PageToken;
  /** The operation the editor opens with. */
  document: string;
}

/**
 * GraphiQL, bundled from the installed packages at build time: nothing is loaded from another origin, so the
 * explorer works offline and behind a firewall. The Content-Security-Policy says so to the browser as well.
 * Monaco sets inline styles, hence `'unsafe-inline'` for styles (never for scripts).
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  // TLS is the reverse proxy's business: HSTS from this page would pin the whole host to HTTPS.
  strictTransportSecurity: false,
});

/** JSON inside a `<script type="application/json">`: no `<` may close the element early. */
const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function page(options: ExplorerOptions, token: string | undefined): string {
  const config = {
    endpoint: options.endpoint,
    subscriptionEndpoint: options.subscriptionEndpoint ?? null,
    assets: ASSETS_PATH,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    query: options.document,
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Tenantry explorer</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${ASSETS_PATH}/${EXPLORER_STYLESHEET}" />
    <script type="application/json" id="explorer-config">${jsonForScript(config)}</script>
    <script type="module" src="${ASSETS_PATH}/${EXPLORER_SCRIPT}"></script>
  </head>
  <body>
    <div id="explorer"><noscript>The explorer needs JavaScript. Without it, send POST requests to ${options.endpoint}.</noscript></div>
  </body>
</html>
`;
}

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Tenantry explorer</title></head>
<body><p>The explorer has not been built. Run <code>npm run build:server</code>, then reload this page.</p></body></html>
`;

/** `GET /explorer`: the page; `/explorer/assets/*`: the bundle the server build wrote. */
export function explorerRoutes(options: ExplorerOptions, logger: Logger): Router {
  const router = express.Router();
  const built = existsSync(join(EXPLORER_ASSETS_DIR, EXPLORER_SCRIPT));
  if (!built) logger.warn(`The explorer at ${EXPLORER_PATH} is not built (${EXPLORER_ASSETS_DIR} is missing): run npm run build:server.`);

  router.get(EXPLORER_PATH, securityHeaders, async (req, res) => {
    // The page may hold a development token: no cache keeps it.
    res.setHeader('cache-control', 'no-store');
    if (!built) return void res.status(503).type('html').send(notBuilt);
    res
      .status(200)
      .type('html')
      .send(page(options, await options.token(req)));
  });
  router.use(
    ASSETS_PATH,
    securityHeaders,
    express.static(EXPLORER_ASSETS_DIR, { index: false, setHeaders: (res) => res.setHeader('cache-control', 'no-cache') }),
  );
  return router;
}
