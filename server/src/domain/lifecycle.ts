import { type Subscription, SubscriptionStatus } from '../entities';
import { DAY_MS } from './rules';
import { AppError, failedPrecondition } from './errors';
import { ErrorCode } from './error-codes';

const { ACTIVE, SUSPENDED, DELETED } = SubscriptionStatus;

/** Everything that changes a subscription after its purchase (SPEC §1). */
export type SubscriptionOperation = 'suspend' | 'reactivate' | 'changeQuantity' | 'setPartnerOfRecord' | 'removeAdvisor' | 'expire';

interface Rule {
  /** The statuses the operation may act in. */
  from: readonly SubscriptionStatus[];
  /** The status it moves the subscription to, if it moves it. */
  to?: SubscriptionStatus;
  /** When acting in another (non-deleted) status: a transition the lifecycle lacks, or a change that needs an active subscription. */
  otherwise: 'INVALID_STATUS_TRANSITION' | 'FAILED_PRECONDITION';
  /** How the refusal names the operation: "Cannot suspend a …", "reactivate it before you …". */
  verb: string;
  /** The reason given for an INVALID_STATUS_TRANSITION. */
  only?: string;
}

/**
 * The subscription lifecycle: ACTIVE → SUSPENDED by suspendSubscription; SUSPENDED → ACTIVE by
 * reactivateSubscription before its data retention ends; SUSPENDED → DELETED by the sweep once it has.
 * DELETED is final: every change to it is INVALID_STATUS_TRANSITION.
 */
const LIFECYCLE: Record<SubscriptionOperation, Rule> = {
  suspend: { from: [ACTIVE], to: SUSPENDED, otherwise: 'INVALID_STATUS_TRANSITION', verb: 'suspend', only: 'Only an active subscription can be suspended.' },
  reactivate: {
    from: [SUSPENDED],
    to: ACTIVE,
    otherwise: 'INVALID_STATUS_TRANSITION',
    verb: 'reactivate',
    only: 'Only a suspended subscription can be reactivated.',
  },
  expire: { from: [SUSPENDED], to: DELETED, otherwise: 'INVALID_STATUS_TRANSITION', verb: 'delete', only: 'Only a suspended subscription is deleted.' },
  changeQuantity: { from: [ACTIVE], otherwise: 'FAILED_PRECONDITION', verb: 'change its licence quantity' },
  setPartnerOfRecord: { from: [ACTIVE], otherwise: 'FAILED_PRECONDITION', verb: 'change its partner of record' },
  removeAdvisor: { from: [ACTIVE, SUSPENDED], otherwise: 'INVALID_STATUS_TRANSITION', verb: 'remove its advisor' }, // every non-deleted status
};

const retentionEnded = (subscription: Subscription, now: Date) =>
  subscription.dataRetentionEndsAt !== null && subscription.dataRetentionEndsAt.getTime() <= now.getTime();

const invalidTransition = (subscription: Subscription, verb: string, reason: string) =>
  new AppError(ErrorCode.INVALID_STATUS_TRANSITION, `Cannot ${verb} a ${subscription.status.toLowerCase()} subscription. ${reason}`, {
    status: subscription.status,
  });

/** Why the operation may not act on the subscription in its status now, or null when it may. */
export function lifecycleRefusal(operation: SubscriptionOperation, subscription: Subscription, now: Date): AppError | null {
  const rule = LIFECYCLE[operation];
  if (subscription.status === DELETED) return invalidTransition(subscription, 'change', 'A deleted subscription cannot be changed.');
  if (!rule.from.includes(subscription.status)) {
    return rule.otherwise === 'FAILED_PRECONDITION'
      ? failedPrecondition(`The subscription is ${subscription.status.toLowerCase()}; reactivate it before you ${rule.verb}.`)
      : invalidTransition(subscription, rule.verb, rule.only ?? '');
  }
  if (operation === 'reactivate' && retentionEnded(subscription, now)) {
    return invalidTransition(subscription, 'reactivate', 'Its data retention period has ended, so it is being deleted.');
  }
  if (operation === 'expire' && !retentionEnded(subscription, now)) {
    return failedPrecondition('Its data retention period has not ended yet.');
  }
  return null;
}

/** The fields a status transition sets (nothing for operations that keep the status). */
export function transitionValues(operation: SubscriptionOperation, now: Date, retentionDays: number): Partial<Subscription> {
  switch (LIFECYCLE[operation].to) {
    case SUSPENDED:
      return { status: SUSPENDED, suspendedAt: now, dataRetentionEndsAt: new Date(now.getTime() + retentionDays * DAY_MS) };
    case ACTIVE:
      return { status: ACTIVE, suspendedAt: null, dataRetentionEndsAt: null };
    case DELETED:
      // liveKey NULL frees the (tenant, offer, channel) slot for a new purchase.
      return { status: DELETED, liveKey: null };
    default:
      return {};
  }
}
