import type { Instance } from './tenantry';

/** GET /readyz: its HTTP status, or 0 when the instance does not answer within `timeoutMs`. */
export async function readiness(instance: Instance, timeoutMs = 2_000): Promise<number> {
  try {
    const response = await fetch(`${instance.origin}/readyz`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

/** HAProxy's defaults: an instance goes out after 3 failed checks in a row and back in after 2 good ones. */
const FALL = 3;
const RISE = 2;

/**
 * What a load balancer does with the instances (SPEC §7): it health-checks /readyz every 250 ms and routes only
 * to those it considers up (FALL/RISE, as HAProxy does); an instance it knows is gone is dropped at once. With
 * none up there is nowhere to route (HAProxy answers 503 and the client retries).
 */
export class Balancer {
  private readonly up = new Set<Instance>();
  private readonly streak = new Map<Instance, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly instances: Instance[]) {
    for (const instance of instances) this.up.add(instance);
  }

  start(): void {
    const probe = async () => {
      await Promise.all(this.instances.map(async (instance) => this.observe(instance, (await readiness(instance)) === 200)));
      if (this.timer) this.timer = setTimeout(tick, 250);
    };
    // A failed probe round is a harness failure: say so rather than leave the rejection unhandled.
    const tick = () => void probe().catch((error: unknown) => console.error('balancer probe failed', error));
    this.timer = setTimeout(tick, 0);
  }

  /** Counts consecutive results that disagree with the instance's state, and flips it after FALL or RISE of them. */
  private observe(instance: Instance, ready: boolean): void {
    const isUp = this.up.has(instance);
    if (ready === isUp) {
      this.streak.set(instance, 0);
      return;
    }
    const streak = (this.streak.get(instance) ?? 0) + 1;
    this.streak.set(instance, streak);
    if (streak < (isUp ? FALL : RISE)) return;
    if (ready) this.up.add(instance);
    else this.up.delete(instance);
    this.streak.set(instance, 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  remove(instance: Instance): void {
    this.instances.splice(this.instances.indexOf(instance), 1);
    this.up.delete(instance);
  }

  isUp(instance: Instance): boolean {
    return this.up.has(instance);
  }

  routable(): Instance[] {
    return this.instances.filter((i) => this.up.has(i));
  }
}
