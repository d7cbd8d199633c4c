import express, { type Router } from 'express';
import type { Metrics } from '../metrics';

/**
 * `/metrics`: this instance's series in Prometheus text, without a token like the health routes. It names
 * operations and counts refusals: keep it on the network the scraper uses, not on the internet.
 */
export function metricsRoute(metrics: Metrics): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res, next) => {
    try {
      const text = await metrics.registry.metrics();
      res.type(metrics.registry.contentType).send(text);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
