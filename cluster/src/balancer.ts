import type { Instance } from './tenantry';

/** GET /readyz: its HTTP status, or 0 when the instance does not answer within a second. */
export async function readiness(instance: Instance): Promise<number> {
  try {
    const response = await fetch(`${instance.origin}/readyz`, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * What a load balancer does with the instances (SPEC §7): it health-checks /readyz every 250 ms and routes only
 * to those that answered 200 last time; an instance it knows is gone is dropped at once.
 */
export class Balancer {
  private readonly ready = new Set<Instance>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly instances: Instance[]) {
    for (const instance of instances) this.ready.add(instance);
  }

  start(): void {
    const probe = async () => {
      await Promise.all(
        this.instances.map(async (instance) => {
          if ((await readiness(instance)) === 200) this.ready.add(instance);
          else this.ready.delete(instance);
        }),
      );
      if (this.timer) this.timer = setTimeout(probe, 250);
    };
    this.timer = setTimeout(probe, 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  remove(instance: Instance): void {
    this.instances.splice(this.instances.indexOf(instance), 1);
    this.ready.delete(instance);
  }

  routable(): Instance[] {
    const ready = this.instances.filter((i) => this.ready.has(i));
    if (ready.length === 0) throw new Error('the balancer has no ready instance left');
    return ready;
  }
}
