import type { Report } from '../report';
import type { LoadLog } from '../scenarios/mixed-load';

/**
 * A client that got OK from one instance and sends the next step to another must find what it just made
 * (read-your-writes through a load balancer): every step that builds on the previous one got the answer it must.
 */
export function checkStepsSucceeded(report: Report, scenario: string, log: LoadLog): void {
  const byKind = new Map<string, number>();
  for (const a of log.refusedSteps)
    byKind.set(`${a.code} (${a.message.slice(0, 80)})`, (byKind.get(`${a.code} (${a.message.slice(0, 80)})`) ?? 0) + 1);
  report.check(
    scenario,
    'each step found what the step before it made, whichever instance answered it',
    log.refusedSteps.length === 0,
    [...byKind]
      .slice(0, 3)
      .map(([k, n]) => `${n}× ${k}`)
      .join('; '),
  );
}
