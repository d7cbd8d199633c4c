import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  type ApolloServerPluginLandingPageLocalDefaultOptions,
} from '@apollo/server/plugin/landingPage/default';
import { EXPLORER_PATH } from './routes';

const FALLBACK = '<div class="fallback">';
const OFFLINE_LINK = `<p>Offline or behind a firewall? <a href="${EXPLORER_PATH}">Open the explorer this server serves itself</a> (GraphiQL, no internet needed).</p>`;

/**
 * Apollo's page with a link to the offline explorer in its fallback, which is what a browser shows when
 * Sandbox cannot load from Apollo's CDN (Sandbox covers it once loaded). Without that block, at the top of the page.
 * Sandbox's full-page container lies over the fallback even while empty, so an empty one lets clicks through;
 * the rule carries the page's CSP nonce, the only way a style applies there.
 */
export function withExplorerLink(html: string): string {
  const nonce = /<style nonce="?([\w+/=-]+)"?>/.exec(html)?.[1];
  const clickThrough = nonce ? `<style nonce="${nonce}">#embeddableSandbox:empty { pointer-events: none; }</style>\n` : '';
  const link = `${clickThrough}${OFFLINE_LINK}\n`;
  const fallback = html.indexOf(FALLBACK);
  const end = fallback < 0 ? -1 : html.indexOf('</div>', fallback);
  if (end >= 0) return `${html.slice(0, end)}${link}${html.slice(end)}`;
  return html.replace(/<body[^>]*>/, (body) => `${body}\n${link}`);
}

/** Apollo Sandbox as the landing page at GET /graphql, linking to /explorer for when it cannot load. */
export function sandboxLandingPage(options: ApolloServerPluginLandingPageLocalDefaultOptions): ApolloServerPlugin {
  const apollo = ApolloServerPluginLandingPageLocalDefault(options);
  return {
    async serverWillStart(service) {
      const listener = await apollo.serverWillStart?.(service);
      const render = listener?.renderLandingPage;
      if (!render) throw new Error("Apollo's landing page plugin no longer renders a landing page");
      return {
        async renderLandingPage() {
          const landingPage = await render();
          const { html } = landingPage;
          return { html: async () => withExplorerLink(typeof html === 'string' ? html : await html()) };
        },
      };
    },
  };
}
