// The offline explorer: GraphiQL from the installed npm packages, bundled by server/src/scripts/build-explorer.ts.
// Plain JavaScript on purpose: the server's TypeScript build has no DOM or React types, and esbuild bundles this file.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './explorer.css';

/**
 * What the server put in the page (server/src/explorer/routes.ts): the GraphQL endpoint, the WebSocket endpoint
 * for live updates when the server has one, the headers to start with, and the first query.
 * @type {{ endpoint: string, subscriptionEndpoint: string | null, assets: string, headers: Record<string, string>, query: string }}
 */
const config = JSON.parse(document.getElementById('explorer-config').textContent);

// Monaco runs its language services in workers; the build writes one file per worker next to this bundle.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(`${config.assets}/${name}.worker.js`, { name: `${name} worker` });
  },
};

const absolute = (path, protocol) => {
  const url = new URL(path, window.location.href);
  if (protocol) url.protocol = protocol;
  return url.href;
};

const fetcher = createGraphiQLFetcher({
  url: absolute(config.endpoint),
  // The server answers plain JSON (no @defer/@stream), so no multipart responses are asked for.
  enableIncrementalDelivery: false,
  ...(config.subscriptionEndpoint
    ? {
        // Each subscription opens its own socket and sends the Headers tab (its Authorization) in connection_init.
        subscriptionUrl: absolute(config.subscriptionEndpoint, window.location.protocol === 'https:' ? 'wss:' : 'ws:'),
      }
    : {}),
});

const headers = Object.keys(config.headers).length ? JSON.stringify(config.headers, null, 2) : '';

createRoot(document.getElementById('explorer')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: config.query,
    initialHeaders: headers,
    defaultHeaders: headers,
    // Tokens stay out of the browser's storage.
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
  }),
);
