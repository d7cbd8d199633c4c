import type { ApolloServerPlugin, GraphQLServerContext } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { EXPLORER_PATH } from './routes';
import type { PageToken } from './page-token';

const FALLBACK = '<div class="fallback">';
const OFFLINE_LINK = `<p>Offline or behind a firewall? <a href="${EXPLORER_PATH}">Open the explorer this server serves itself</a> (GraphiQL, no internet needed).</p>`;

/**
 * Apollo's page with a link to the offline explorer in its fallback, which is what a browser shows when
 * Sandbox cannot load from Apollo's CDN (Sandbox covers it once loaded). Without that block, at the top of the page.
 * Sandbox's full-page container lies over the fallback even while empty, so an empty one lets clicks through;
 * the rule carries the page's CSP nonce, the only way a style applies there.
 */
function withExplorerLink(html: string): string {
  const nonce = /<style nonce="?([\w+/=-]+)"?>/.exec(html)?.[1];
  const clickThrough = nonce ? `<style nonce="${nonce}">#embeddableSandbox:empty { pointer-events: none; }</style>\n` : '';
  const link = `${clickThrough}${OFFLINE_LINK}\n`;
  const fallback = html.indexOf(FALLBACK);
  const end = fallback < 0 ? -1 : html.indexOf('</div>', fallback);
  if (end >= 0) return `${html.slice(0, end)}${link}${html.slice(end)}`;
  return html.replace(/<body[^>]*>/, (body) => `${body}\n${link}`);
}

/**
 * Apollo Sandbox as the landing page at GET /graphql, linking to /explorer for when it cannot load. Apollo
 * renders a landing page without seeing the request, and the token depends on it (SPEC §9: only a loopback
 * `Host` gets one, fresh for each load), so the page is served here, before Apollo: the plugin only lends
 * Apollo's context to Apollo's renderer (Apollo's own landing page is off).
 */
export function sandboxLandingPage(path: string, options: { includeCookies: boolean; document: string }, token: PageToken) {
  let server: GraphQLServerContext | undefined;
  const plugin: ApolloServerPlugin = {
    async serverWillStart(context) {
      server = context;
    },
  };

  async function render(bearer: string | undefined): Promise<string> {
    const sharedHeaders: Record<string, string> = bearer ? { Authorization: `Bearer ${bearer}` } : {};
    const apollo = ApolloServerPluginLandingPageLocalDefault({ ...options, embed: { initialState: { sharedHeaders } } });
    const page = await (await apollo.serverWillStart?.(server!))?.renderLandingPage?.();
    if (!page) throw new Error("Apollo's landing page plugin no longer renders a landing page");
    return withExplorerLink(typeof page.html === 'string' ? page.html : await page.html());
  }

  // Not an express.Router: one would answer every OPTIONS to the path itself, before CORS sees the preflight.
  const route: RequestHandler = async (req, res, next) => {
    if (req.path !== path || (req.method !== 'GET' && req.method !== 'HEAD') || !server || !prefersHtml(req)) return next();
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(await render(await token(req)));
  };
  return { plugin, route };
}

/** Apollo's test for a landing-page request: a GET whose Accept prefers HTML to every GraphQL response type. */
const prefersHtml = (req: Request): boolean =>
  req.headers.accept !== undefined &&
  req.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) === 'text/html';
