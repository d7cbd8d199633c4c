import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import { ErrorCode } from '../domain/error-codes';
import type { Metrics } from '../metrics';

export interface MetricsAccess {
  production: boolean;
  /** METRICS_TOKEN: when set, a scrape must send it as a bearer token. */
  token: string | null;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `/metrics`: this instance's series in Prometheus text (SPEC §7, §9). In production it exists only with
 * METRICS_TOKEN (404 otherwise, like any unknown path); whenever the token is set, a scrape without it is 401.
 * A scrape sends no statement to the database: every series is the process's own, or a cached count.
 */
export function metricsRoute(metrics: Metrics, access: MetricsAccess): Router {
  const router = express.Router();
  if (access.production && access.token === null) return router;
  const expected = access.token === null ? null : digest(`Bearer ${access.token}`);
  // Scrapes that arrive while a rendering is under way share it: rendering every series costs milliseconds of
  // CPU, so a crowd of scrapers costs one rendering at a time, and no scrape gets text finished before it came.
  let rendering: Promise<string> | undefined;
  const render = () => {
    rendering ??= metrics.registry.metrics().finally(() => (rendering = undefined));
    return rendering;
  };
  router.get('/metrics', async (req, res, next) => {
    // Digests of equal length, so the comparison takes the same time however much of the token is right.
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json({
          errors: [
            { message: 'Scraping /metrics needs Authorization: Bearer <METRICS_TOKEN>.', extensions: { code: ErrorCode.UNAUTHENTICATED } },
          ],
        });
      return;
    }
    try {
      res.type(metrics.registry.contentType).send(await render());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
