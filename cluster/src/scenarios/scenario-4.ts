import Redis from 'ioredis';
import { gql, signToken } from '../client';
import type { GaleraCluster } from '../galera';
import type { Resources } from '../processes';
import type { Report } from '../report';
import { startInstance } from '../tenantry';

const NAME = 'scenario 4: one rate limit shared through Redis';

const BUDGET = 30;
const VIEWER = '{ viewer { roles } }';

/**
 * Three more instances, one per node, sharing RATE_LIMIT_STORE=redis://… under a key prefix of this run only,
 * with RATE_LIMIT_PER_MINUTE=30. One caller's requests spread round-robin over them are refused after 30 in
 * all (not 30 per instance), on every instance; another caller keeps its own budget. The run's keys are
 * deleted from Redis afterwards.
 */
export async function scenario4(
  report: Report,
  cluster: GaleraCluster,
  resources: Resources,
  secret: string,
  redisUrl: string,
): Promise<void> {
  const prefix = `tenantry-cluster-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const env = { AUTH_JWT_SECRET: secret, RATE_LIMIT_STORE: redisUrl, RATE_LIMIT_KEY_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: String(BUDGET) };
  const instances = [];
  try {
    for (const node of cluster.nodes)
      instances.push(await startInstance(resources, `limited${instances.length + 1}`, cluster.url(node, 'tenantry'), env));
    const caller = await signToken(secret, { sub: 'rate-limited-caller', roles: ['PLATFORM_ADMIN'] });
    const other = await signToken(secret, { sub: 'another-caller', roles: ['PLATFORM_ADMIN'] });
    const answers = [];
    for (let i = 0; i < BUDGET * 2; i++) answers.push(await gql(instances[i % instances.length], caller, VIEWER));
    const accepted = answers.filter((a) => a.code === 'OK').length;
    const refused = answers.filter((a) => a.code === 'RATE_LIMITED');
    const refusingInstances = new Set(refused.map((a) => a.instance));
    const firstRefusal = answers.findIndex((a) => a.code === 'RATE_LIMITED');
    report.check(
      NAME,
      `one caller over ${instances.length} instances gets ${BUDGET} requests in all, then RATE_LIMITED on every instance`,
      accepted === BUDGET && refused.length === BUDGET && firstRefusal === BUDGET && refusingInstances.size === instances.length,
      `${accepted} OK, ${refused.length} RATE_LIMITED (first at request ${firstRefusal + 1}), refused by ${[...refusingInstances].join(', ')}; others: ${answers
        .filter((a) => a.code !== 'OK' && a.code !== 'RATE_LIMITED')
        .map((a) => a.code)
        .join(', ')}`,
    );
    const separate = await gql(instances[1], other, VIEWER);
    report.check(
      NAME,
      'another caller still has its own budget',
      separate.code === 'OK',
      separate.code === 'OK' ? '' : `${separate.code} ${separate.message}`,
    );
  } finally {
    for (const instance of instances) await resources.kill(instance.process);
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }
}
