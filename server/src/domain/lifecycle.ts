import { type Subscription, SubscriptionStatus } from '../entities';
import { DAY_MS } from './rules';
import { cancellationAllowedUntil } from './terms';
import { AppError, failedPrecondition } from './errors';
import { ErrorCode } from './error-codes';

const { ACTIVE, SUSPENDED, EXPIRED, DELETED } = SubscriptionStatus;

/** Everything that changes a subscription after its purchase (SPEC §1, §8). */
export type SubscriptionOperation =
  | 'suspend'
  | 'reactivate'
  | 'changeQuantity'
  | 'setPartnerOfRecord'
  | 'removeAdvisor'
  | 'cancel'
  | 'setAutoRenew'
  | 'scheduleRenewalChange'
  | 'clearRenewalChange'
  | 'renew'
  | 'endTerm'
  | 'delete';
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
 * The subscription lifecycle, the one place that says which operation acts in which status:
 * ACTIVE → SUSPENDED by suspendSubscription; SUSPENDED → ACTIVE by reactivateSubscription before its data
 * retention ends; ACTIVE or SUSPENDED → EXPIRED by cancelSubscription (inside the cancellation window) or when a
 * term ends without renewal (the sweep's endTerm); ACTIVE → ACTIVE with a new term by the sweep's renew;
 * SUSPENDED or EXPIRED → DELETED by the sweep once data retention ends. EXPIRED is read-only and DELETED final:
 * every change to either is INVALID_STATUS_TRANSITION.
 */
const LIFECYCLE: Record<SubscriptionOperation, Rule> = {
  suspend: {
    from: [ACTIVE],
    to: SUSPENDED,
    otherwise: 'INVALID_STATUS_TRANSITION',
    verb: 'suspend',
    only: 'Only an active subscription can be suspended.',
  },
  reactivate: {
    from: [SUSPENDED],
    to: ACTIVE,
    otherwise: 'INVALID_STATUS_TRANSITION',
    verb: 'reactivate',
    only: 'Only a suspended subscription can be reactivated.',
  },
  changeQuantity: { from: [ACTIVE], otherwise: 'FAILED_PRECONDITION', verb: 'change its licence quantity' },
  setPartnerOfRecord: { from: [ACTIVE], otherwise: 'FAILED_PRECONDITION', verb: 'change its partner of record' },
  // A tenant-level removal: it also clears an expired subscription's advisor, whose access lasts until deletion (§1, §8).
  removeAdvisor: { from: [ACTIVE, SUSPENDED, EXPIRED], otherwise: 'INVALID_STATUS_TRANSITION', verb: 'remove its advisor' },
  cancel: { from: [ACTIVE, SUSPENDED], to: EXPIRED, otherwise: 'INVALID_STATUS_TRANSITION', verb: 'cancel' },
  setAutoRenew: { from: [ACTIVE], otherwise: 'FAILED_PRECONDITION', verb: 'change its auto-renewal' },
  scheduleRenewalChange: { from: [ACTIVE], otherwise: 'FAILED_PRECONDITION', verb: 'schedule a change for its renewal' },
  clearRenewalChange: { from: [ACTIVE], otherwise: 'FAILED_PRECONDITION', verb: 'clear its scheduled change' },
  renew: { from: [ACTIVE], otherwise: 'INVALID_STATUS_TRANSITION', verb: 'renew', only: 'Only an active subscription renews.' },
  endTerm: {
    from: [ACTIVE, SUSPENDED],
    to: EXPIRED,
    otherwise: 'INVALID_STATUS_TRANSITION',
    verb: 'expire',
    only: 'Only a live subscription expires.',
  },
  delete: {
    from: [SUSPENDED, EXPIRED],
    to: DELETED,
    otherwise: 'INVALID_STATUS_TRANSITION',
    verb: 'delete',
    only: 'Only a suspended or expired subscription is deleted.',
  },
};

const retentionEnded = (subscription: Subscription, now: Date) =>
  subscription.dataRetentionEndsAt !== null && subscription.dataRetentionEndsAt.getTime() <= now.getTime();

const invalidTransition = (subscription: Subscription, verb: string, reason: string) =>
  new AppError(ErrorCode.INVALID_STATUS_TRANSITION, `Cannot ${verb} a ${subscription.status.toLowerCase()} subscription. ${reason}`, {
    status: subscription.status,
  });

/** Why the operation may not act on the subscription in its status now, or null when it may. */
export function lifecycleRefusal(operation: SubscriptionOperation, subscription: Subscription, now: Date): AppError | null {
  return refusalOf(operation, subscription, now)?.() ?? null;
}

/** Whether it may (the sweep and viewerCanCancel ask this for many rows: no error is built to say no). */
export const lifecycleAllows = (operation: SubscriptionOperation, subscription: Subscription, now: Date): boolean =>
  refusalOf(operation, subscription, now) === null;

/** The table's answer, with the refusal built only when a caller reports it. */
function refusalOf(operation: SubscriptionOperation, subscription: Subscription, now: Date): (() => AppError) | null {
  const rule = LIFECYCLE[operation];
  if (subscription.status === DELETED) return () => invalidTransition(subscription, 'change', 'A deleted subscription cannot be changed.');
  if (subscription.status === EXPIRED && !rule.from.includes(EXPIRED)) {
    return () => invalidTransition(subscription, 'change', 'An expired subscription is read-only; buy the offer again for a new one.');
  }
  if (!rule.from.includes(subscription.status)) {
    return () =>
      rule.otherwise === 'FAILED_PRECONDITION'
        ? failedPrecondition(`The subscription is ${subscription.status.toLowerCase()}; reactivate it before you ${rule.verb}.`)
        : invalidTransition(subscription, rule.verb, rule.only ?? '');
  }
  if (operation === 'reactivate' && retentionEnded(subscription, now)) {
    return () => invalidTransition(subscription, 'reactivate', 'Its data retention period has ended, so it is being deleted.');
  }
  if (operation === 'reactivate' && termEnded(subscription, now)) {
    return () => invalidTransition(subscription, 'reactivate', 'Its term has ended, so it is expiring; buy the offer again for a new one.');
  }
  if (operation === 'cancel' && now.getTime() >= cancellationAllowedUntil(subscription.termStartsAt).getTime()) {
    return () =>
      failedPrecondition(
        `The cancellation window of this term ended at ${cancellationAllowedUntil(subscription.termStartsAt).toISOString()}; ` +
          `turn auto-renewal off with setAutoRenew so that the subscription ends at ${subscription.termEndsAt.toISOString()}.`,
      );
  }
  if (operation === 'scheduleRenewalChange' && !subscription.autoRenew) {
    return () =>
      failedPrecondition(
        'The subscription does not renew: turn auto-renewal on with setAutoRenew before you schedule a change for its renewal.',
      );
  }
  if ((operation === 'renew' || operation === 'endTerm') && !termEnded(subscription, now))
    return () => failedPrecondition('Its term has not ended yet.');
  if (operation === 'delete' && !retentionEnded(subscription, now)) {
    return () => failedPrecondition('Its data retention period has not ended yet.');
  }
  return null;
}

const termEnded = (subscription: Subscription, now: Date) => subscription.termEndsAt.getTime() <= now.getTime();

/** Whether the caller's side may cancel it now (Subscription.viewerCanCancel, beside the management check). */
export const cancellableNow = (subscription: Subscription, now: Date): boolean => lifecycleAllows('cancel', subscription, now);

/**
 * The fields a status transition sets (nothing for operations that keep the status). `at` is when it takes
 * effect: now for a change, the term's end for the sweep's endTerm.
 */
export function transitionValues(
  operation: SubscriptionOperation,
  current: Subscription,
  at: Date,
  retentionDays: number,
): Partial<Subscription> {
  const retentionEnds = new Date(at.getTime() + retentionDays * DAY_MS);
  switch (LIFECYCLE[operation].to) {
    case SUSPENDED:
      return { status: SUSPENDED, suspendedAt: at, dataRetentionEndsAt: retentionEnds };
    case ACTIVE:
      return { status: ACTIVE, suspendedAt: null, dataRetentionEndsAt: null };
    case EXPIRED:
      // liveKey NULL frees the (tenant, offer, channel) slot: the customer may buy the offer again at once (§8).
      return {
        status: EXPIRED,
        expiredAt: at,
        dataRetentionEndsAt: current.dataRetentionEndsAt ?? retentionEnds,
        liveKey: null,
        autoRenew: false,
        scheduledChange: null,
        termNoticePending: false,
      };
    case DELETED:
      return { status: DELETED, liveKey: null, termNoticePending: false };
    case undefined:
      return {};
  }
}
