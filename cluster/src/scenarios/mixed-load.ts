import { type Answer, gql, Tally } from '../client';
import { sleep } from '../processes';
import { CHANGE_QUANTITY, REACTIVATE, REMOVE_RESELLER, SUBSCRIPTION, type SubscriptionView, SUSPEND } from '../operations';
import type { Instance } from '../tenantry';
import { createCustomer, purchase, type World } from '../world';

/** Where requests may go now: every instance, or (scenario 2) those a load balancer would route to (maybe none). */
export type Routable = () => Instance[];

interface Acknowledged {
  version: number;
  quantity: number;
}

export interface KeyedPurchase {
  key: string;
  tenantId: string;
  offerId: string;
  /** Every subscription id an OK answer for this key carried. */
  answeredIds: Set<string>;
  /** The first definite answer: OK, or the refusal (CONFLICT when the slot was already taken with another key). */
  outcome: string;
}

export interface RemovalRace {
  tenantId: string;
  suspendedId: string;
  reactivate: string;
  purchase: string;
  remove: string;
}

/** Everything the clients were told, for the checks that compare it with the database afterwards. */
export interface LoadLog {
  tally: Tally;
  /** Hot subscription id → the changes acknowledged to a client. */
  acknowledged: Map<string, Acknowledged[]>;
  /** Hot subscription id → changes whose answer never came (the instance died): they may or may not have committed. */
  uncertain: Map<string, number>;
  purchases: KeyedPurchase[];
  races: RemovalRace[];
  /** Answers that were INTERNAL_SERVER_ERROR or no GraphQL answer at all, with the instance that gave them. */
  failures: Answer<unknown>[];
  /**
   * Refusals of a step that must succeed (suspending the subscription just bought, buying for the customer
   * just created), each sent through any instance: a node that has not yet applied the previous step's
   * commit would answer NOT_FOUND.
   */
  refusedSteps: Answer<unknown>[];
  durationMs: number;
}

const pickFrom = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
/** `count` routable instances in random order, all different while there are enough. */
const spread = (instances: Instance[], count: number): Instance[] => {
  const shuffled = [...instances].sort(() => Math.random() - 0.5);
  return Array.from({ length: count }, (_, i) => shuffled[i % shuffled.length]);
};

const UNANSWERED = new Set(['NETWORK', 'INTERNAL_SERVER_ERROR', 'NO_CODE']);
/**
 * Answers that do not say whether the change was made: no answer at all. The server's request time limit
 * (QUERY_TOO_COMPLEX, HTTP 503), which a cluster pausing its commits can reach, is a refusal like any other:
 * it is only answered when nothing was committed (db/deadline.ts), and the checks hold it to that.
 */
const UNCERTAIN = UNANSWERED;
/** Answers after which a client sends the same request again: no answer, and the time limit ("retry later"). */
const SENT_AGAIN = new Set([...UNANSWERED, 'QUERY_TOO_COMPLEX']);

export interface LoadOptions {
  seconds: number;
  /** Workers per kind of request. */
  quantityWorkers: number;
  versionedWorkers: number;
  purchaseWorkers: number;
  raceWorkers: number;
  /** Customers of world.seller whose (offer) slots the keyed purchases fill. */
  customers: string[];
  /** Set to end the load before `seconds` have passed (scenario 2 ends it once the killed node is back). */
  stop?: { requested: boolean };
  /** Sees every answer as it comes (scenario 2 counts the survivors' answers after each failure). */
  onAnswer?: (answer: Answer<unknown>, operation: string) => void;
}

/**
 * SPEC §3 and §1 under load from three instances at once: quantity changes on 20 hot subscriptions with and
 * without expectedVersion, keyed purchases replayed through different instances, and reseller removals racing
 * the sales (reactivation, purchase) they must not let through.
 */
export async function mixedLoad(world: World, routable: Routable, options: LoadOptions): Promise<LoadLog> {
  const log: LoadLog = {
    tally: new Tally(),
    acknowledged: new Map(),
    uncertain: new Map(),
    purchases: [],
    races: [],
    failures: [],
    refusedSteps: [],
    durationMs: 0,
  };
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const running = () => Date.now() < deadline && !options.stop?.requested;
  const record = <T>(operation: string, answer: Answer<T>): Answer<T> => {
    log.tally.add(operation, answer);
    options.onAnswer?.(answer, operation);
    if (UNANSWERED.has(answer.code)) log.failures.push(answer);
    return answer;
  };
  /** A step the next one builds on: true when it succeeded; a refusal is recorded. */
  const succeeded = (answer: Answer<unknown>) => {
    if (answer.code !== 'OK' && !SENT_AGAIN.has(answer.code)) log.refusedSteps.push(answer);
    return answer.code === 'OK';
  };
  // Keys and customer domains are unique to this load: a later load by the same caller must not replay them.
  const run = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  /** The routable instances; with none, the client waits, as it would after a balancer's 503. */
  const ready = async (): Promise<Instance[]> => {
    for (;;) {
      const instances = routable();
      if (instances.length > 0) return instances;
      await sleep(100);
    }
  };
  const any = async () => pickFrom(await ready());
  const uncertain = (id: string) => log.uncertain.set(id, (log.uncertain.get(id) ?? 0) + 1);

  const changeQuantity = async (hot: World['hot'][number], expectedVersion?: number) => {
    const id = hot.subscription.id;
    const quantity = 1 + Math.floor(Math.random() * 10_000);
    const answer = record(
      expectedVersion === undefined ? 'changeLicenseQuantity' : 'changeLicenseQuantity(expectedVersion)',
      await gql<{ changeLicenseQuantity: { subscription: SubscriptionView } }>(await any(), hot.token, CHANGE_QUANTITY, {
        input: { subscriptionId: id, quantity, expectedVersion },
      }),
    );
    if (answer.code === 'OK') {
      const written = answer.data!.changeLicenseQuantity.subscription;
      const list = log.acknowledged.get(id) ?? [];
      list.push({ version: written.version, quantity: written.quantity });
      log.acknowledged.set(id, list);
    } else if (UNCERTAIN.has(answer.code)) {
      uncertain(id);
    }
  };

  const quantityWorker = async () => {
    while (running()) await changeQuantity(pickFrom(world.hot));
  };

  const versionedWorker = async () => {
    while (running()) {
      const hot = pickFrom(world.hot);
      const read = record(
        'subscription',
        await gql<{ subscription: SubscriptionView }>(await any(), hot.token, SUBSCRIPTION, { id: hot.subscription.id }),
      );
      if (read.code === 'OK') await changeQuantity(hot, read.data!.subscription.version);
    }
  };

  // Each keyed purchase fills a free (customer, offer) slot; one in five reuses a taken slot with a new key,
  // which the one-live-subscription rule refuses (CONFLICT).
  const free = options.customers.flatMap((tenantId) => world.offers.map((offerId) => ({ tenantId, offerId })));
  free.sort(() => Math.random() - 0.5);
  const taken: { tenantId: string; offerId: string }[] = [];
  let keys = 0;
  let buyers = 0;
  const purchaseWorker = async () => {
    while (running()) {
      if (free.length === 0) {
        // Every slot is taken: a new customer of the seller brings fresh ones.
        const created = record('createCustomer', await createCustomer(await any(), world.seller, `buyer-${run}-${buyers++}`));
        if (succeeded(created))
          free.push(...world.offers.map((offerId) => ({ tenantId: created.data!.createCustomer.customer.id, offerId })));
        continue;
      }
      // A slot is retaken only once its first purchase has answered, so which of the two wins is known.
      const retake = taken.length > 0 && Math.random() < 0.2;
      const slot = retake ? pickFrom(taken) : free.pop()!;
      const entry: KeyedPurchase = { key: `load-${run}-${keys++}`, ...slot, answeredIds: new Set(), outcome: '' };
      log.purchases.push(entry);
      const input = { ...slot, quantity: 3, idempotencyKey: entry.key };
      // The same request through two or three instances at once; a copy that got no answer is sent again
      // (same key) through another instance, as a client retrying after a failed instance would.
      const copies = spread(await ready(), 2 + Math.floor(Math.random() * 2));
      await Promise.all(
        copies.map(async (instance) => {
          for (let attempt = 0; attempt < 6; attempt++) {
            const answer = record(
              'purchaseSubscription(key)',
              await purchase(attempt === 0 ? instance : await any(), world.seller.admin, input),
            );
            if (SENT_AGAIN.has(answer.code)) continue;
            if (answer.code === 'OK') entry.answeredIds.add(answer.data!.purchaseSubscription.subscription.id);
            // A free slot must be bought; a taken one is refused with CONFLICT (one live subscription per offer).
            if (answer.code !== (retake ? 'CONFLICT' : 'OK')) log.refusedSteps.push(answer);
            entry.outcome ||= answer.code;
            if (!retake && answer.code === 'OK' && !taken.includes(slot)) taken.push(slot);
            return;
          }
        }),
      );
    }
  };

  let customers = 0;
  const raceWorker = async () => {
    while (running()) {
      const label = `leaver-${run}-${customers++}`;
      const created = record('createCustomer', await createCustomer(await any(), world.leaver, label));
      if (!succeeded(created)) continue;
      const tenantId = created.data!.createCustomer.customer.id;
      const first = record(
        'purchaseSubscription',
        await purchase(await any(), world.leaver.admin, { tenantId, offerId: world.offers[0], quantity: 2 }),
      );
      if (!succeeded(first)) continue;
      const suspendedId = first.data!.purchaseSubscription.subscription.id;
      const suspended = record(
        'suspendSubscription',
        await gql(await any(), world.leaver.admin, SUSPEND, { input: { subscriptionId: suspendedId } }),
      );
      if (!succeeded(suspended)) continue;
      // Three instances, three requests at once: two sales that must not outlive the relationship, and its removal.
      const [a, b, c] = spread(await ready(), 3);
      const [reactivate, sale, remove] = await Promise.all([
        gql(a, world.leaver.admin, REACTIVATE, { input: { subscriptionId: suspendedId } }).then((r) => record('reactivateSubscription', r)),
        purchase(b, world.leaver.admin, { tenantId, offerId: world.offers[1], quantity: 2 }).then((r) => record('purchaseSubscription', r)),
        gql(c, world.leaver.admin, REMOVE_RESELLER, { input: { tenantId, partnerId: world.leaver.id } }).then((r) =>
          record('removeResellerRelationship', r),
        ),
      ]);
      log.races.push({ tenantId, suspendedId, reactivate: reactivate.code, purchase: sale.code, remove: remove.code });
    }
  };

  const workers = [
    ...Array.from({ length: options.quantityWorkers }, quantityWorker),
    ...Array.from({ length: options.versionedWorkers }, versionedWorker),
    ...Array.from({ length: options.purchaseWorkers }, purchaseWorker),
    ...Array.from({ length: options.raceWorkers }, raceWorker),
  ];
  await Promise.all(workers);
  log.durationMs = Date.now() - started;
  return log;
}
