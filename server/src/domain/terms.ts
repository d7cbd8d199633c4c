import { BillingCycle, type TermDuration } from '../entities/enums';

/**
 * Terms, billing cycles and licence blocks (SPEC §8): pure date and quantity arithmetic, no I/O, so that
 * every rule about a term is said here once and checked by property specs (server/test/terms.nodb.test.ts).
 */

export const TERM_MONTHS: Readonly<Record<TermDuration, number>> = { P1M: 1, P1Y: 12, P3Y: 36 };
const CYCLE_MONTHS: Readonly<Record<BillingCycle, number>> = { MONTHLY: 1, ANNUAL: 12, TRIENNIAL: 36 };

/** The cycles each term may be billed in, in the order the spec lists them. */
export const CYCLES_OF_TERM: Readonly<Record<TermDuration, readonly BillingCycle[]>> = {
  P1M: [BillingCycle.MONTHLY],
  P1Y: [BillingCycle.MONTHLY, BillingCycle.ANNUAL],
  P3Y: [BillingCycle.MONTHLY, BillingCycle.ANNUAL, BillingCycle.TRIENNIAL],
};

/** An offer sells each allowed pair of term and cycle at most once. */
export const MAX_OFFER_TERMS = Object.values(CYCLES_OF_TERM).reduce((sum, cycles) => sum + cycles.length, 0);

/** How a term is sold: the term, its cycle, and one licence's price for one billing period. */
export interface OfferTermData {
  termDuration: TermDuration;
  billingCycle: BillingCycle;
  unitPriceCents: number;
}

/** The most licences an offer may sell (its largest maxQuantity). */
export const MAX_LICENCES = 1_000_000;
/**
 * The largest price of one licence for one billing period, in minor units. MAX_LICENCES × this × 36 periods is
 * below 2⁵³ − 1, so no quote or purchase of an offer the catalog accepts can overflow a total (SPEC §9).
 */
export const UNIT_PRICE_MAX_CENTS = 100_000_000;

/** The window after a term starts in which the subscription may be cancelled, and after licences are added in which they may be removed. */
export const CANCELLATION_WINDOW_MS = 168 * 3_600_000;
export const DECREASE_WINDOW_MS = 168 * 3_600_000;

/**
 * `months` calendar months after `anchor`, in UTC, at the anchor's day of the month and time of day, or on the
 * month's last day where that day does not exist (31 January + 1 month = 28 or 29 February).
 */
export function addMonthsClamped(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(anchor.getUTCDate(), lastDay);
  const result = new Date(anchor.getTime());
  result.setUTCFullYear(year, month, day);
  return result;
}

/**
 * When a term ends: `monthsSoFar` (the months of every term up to and including this one) after the
 * purchase. Never chained from the previous end, so a short month does not shift later ends.
 */
export const termEnd = (purchasedAt: Date, monthsSoFar: number): Date => addMonthsClamped(purchasedAt, monthsSoFar);

export const cancellationAllowedUntil = (termStartsAt: Date): Date => new Date(termStartsAt.getTime() + CANCELLATION_WINDOW_MS);

/** Billing periods in a term: 12 monthly periods in P1Y, 1 annual, and so on. */
export const billingPeriods = (termDuration: TermDuration, billingCycle: BillingCycle): number =>
  TERM_MONTHS[termDuration] / CYCLE_MONTHS[billingCycle];

const isAllowedPair = (termDuration: TermDuration, billingCycle: BillingCycle): boolean =>
  CYCLES_OF_TERM[termDuration].includes(billingCycle);

/** Why a list of terms cannot be an offer's, or undefined when it can. */
export function termsProblem(terms: readonly OfferTermData[]): string | undefined {
  if (terms.length === 0) return 'is empty: list at least one term';
  const seen = new Set<string>();
  for (const term of terms) {
    if (!isAllowedPair(term.termDuration, term.billingCycle)) {
      return `pairs ${term.termDuration} with ${term.billingCycle}, which is not sold: ${allowedPairsText()}`;
    }
    const key = `${term.termDuration}/${term.billingCycle}`;
    if (seen.has(key)) return `lists ${key} twice`;
    seen.add(key);
  }
  return undefined;
}

const allowedPairsText = () => `P1M is billed MONTHLY; P1Y MONTHLY or ANNUAL; P3Y MONTHLY, ANNUAL or TRIENNIAL`;

export const describeTerms = (terms: readonly OfferTermData[]): string =>
  terms.map((t) => `${t.termDuration}/${t.billingCycle}`).join(', ');

/** What a caller asked for; either may be absent. */
export interface TermChoice {
  termDuration?: TermDuration | null;
  billingCycle?: BillingCycle | null;
}

/** The offer's term that a choice names, or the field that names one the offer does not list. */
export type ChosenTerm = { term: OfferTermData } | { field: 'termDuration' | 'billingCycle'; message: string };

/**
 * At purchase (SPEC §8): no term given, the first listed pair (the first with the given cycle, if one is given);
 * no cycle given, the first listed pair of the given term.
 */
export function chooseTerm(terms: readonly OfferTermData[], choice: TermChoice): ChosenTerm {
  const { termDuration, billingCycle } = choice;
  const listed = `The offer is sold as ${describeTerms(terms)}.`;
  if (termDuration) {
    const ofTerm = terms.filter((t) => t.termDuration === termDuration);
    if (ofTerm.length === 0) return { field: 'termDuration', message: `The offer has no ${termDuration} term. ${listed}` };
    const term = billingCycle ? ofTerm.find((t) => t.billingCycle === billingCycle) : ofTerm[0];
    if (!term) return { field: 'billingCycle', message: `The offer's ${termDuration} term is not billed ${billingCycle}. ${listed}` };
    return { term };
  }
  const term = billingCycle ? terms.find((t) => t.billingCycle === billingCycle) : terms[0];
  if (!term) return { field: 'billingCycle', message: `The offer is not billed ${billingCycle} on any term. ${listed}` };
  return { term };
}

/**
 * A scheduled change's term (SPEC §8): a term alone keeps today's cycle if the new term lists it, else takes
 * the new term's first; a cycle alone applies to today's term.
 */
export function chooseRenewalTerm(
  terms: readonly OfferTermData[],
  current: { termDuration: TermDuration; billingCycle: BillingCycle },
  choice: TermChoice,
): ChosenTerm {
  const termDuration = choice.termDuration ?? current.termDuration;
  if (choice.billingCycle) return chooseTerm(terms, { termDuration, billingCycle: choice.billingCycle });
  const keepsCycle = terms.find((t) => t.termDuration === termDuration && t.billingCycle === current.billingCycle);
  return keepsCycle ? { term: keepsCycle } : chooseTerm(terms, { termDuration });
}

/** A term's price figures for a quantity. */
export function termFigures(term: OfferTermData, quantity: number) {
  const pricePerBillingPeriodCents = term.unitPriceCents * quantity;
  const termTotalCents = pricePerBillingPeriodCents * billingPeriods(term.termDuration, term.billingCycle);
  const months = TERM_MONTHS[term.termDuration];
  // Half up to a whole cent, from the remainder: 2 × termTotalCents can pass 2^53, where doubles lose units.
  const remainder = termTotalCents % months;
  const monthlyTotalCents = (termTotalCents - remainder) / months + (2 * remainder >= months ? 1 : 0);
  return { pricePerBillingPeriodCents, termTotalCents, monthlyTotalCents };
}

// ---- Licence blocks: each may be removed within DECREASE_WINDOW_MS of being added. ----

/** Licences added together (at a purchase, a renewal, an increase), kept while they may still be removed. */
export interface LicenceBlock {
  quantity: number;
  /** ISO 8601, as stored in the row's JSON. */
  addedAt: string;
}

const inWindow = (block: LicenceBlock, now: Date) => Date.parse(block.addedAt) + DECREASE_WINDOW_MS > now.getTime();

/** The blocks that may still be removed at `now`, oldest first. */
export const removableBlocks = (blocks: readonly LicenceBlock[], now: Date): LicenceBlock[] => blocks.filter((b) => inWindow(b, now));

/** The least quantity a decrease may go to at `now`: licences outside their window stay (never below the offer's minimum). */
export function quantityFloor(quantity: number, blocks: readonly LicenceBlock[], now: Date, minQuantity: number): number {
  const removable = removableBlocks(blocks, now).reduce((sum, b) => sum + b.quantity, 0);
  return Math.max(minQuantity, quantity - removable);
}

/**
 * The blocks after a change from `from` to `to` licences at `now`: an increase adds a block of the difference;
 * a decrease (at or above the floor) removes the most recently added licences first.
 */
export function blocksAfterChange(blocks: readonly LicenceBlock[], from: number, to: number, now: Date): LicenceBlock[] {
  const kept = removableBlocks(blocks, now).map((b) => ({ ...b }));
  if (to > from) return [...kept, { quantity: to - from, addedAt: now.toISOString() }];
  let remove = from - to;
  for (let i = kept.length - 1; i >= 0 && remove > 0; i--) {
    const taken = Math.min(kept[i].quantity, remove);
    kept[i].quantity -= taken;
    remove -= taken;
  }
  return kept.filter((b) => b.quantity > 0);
}

/** A purchase or a renewal: the whole quantity is one new block. */
export const wholeQuantityBlock = (quantity: number, at: Date): LicenceBlock[] => [{ quantity, addedAt: at.toISOString() }];

/** The months from the purchase to the end of the term of `termMonths` months that contains `now` (the upgrade's current term). */
export function monthsToTermContaining(purchasedAt: Date, termMonths: number, now: Date): number {
  let months = termMonths;
  while (termEnd(purchasedAt, months).getTime() <= now.getTime()) months += termMonths;
  return months;
}

/**
 * The term columns of a subscription bought at `purchasedAt` on a term, as of `now`: the term that contains
 * `now` (the first, for a purchase now), its whole quantity one licence block, auto-renewing, nothing scheduled.
 */
export function termAsOf(purchasedAt: Date, term: { termDuration: TermDuration; billingCycle: BillingCycle }, quantity: number, now: Date) {
  const termMonths = monthsToTermContaining(purchasedAt, TERM_MONTHS[term.termDuration], now);
  const termStartsAt = termEnd(purchasedAt, termMonths - TERM_MONTHS[term.termDuration]);
  return {
    termDuration: term.termDuration,
    billingCycle: term.billingCycle,
    autoRenew: true,
    termStartsAt,
    termEndsAt: termEnd(purchasedAt, termMonths),
    termMonths,
    licenceBlocks: wholeQuantityBlock(quantity, termStartsAt),
    scheduledChange: null,
    termNoticePending: true,
    cancelledAt: null,
    expiredAt: null,
  };
}
