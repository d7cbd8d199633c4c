/**
 * The term arithmetic of SPEC §8 (server/src/domain/terms.ts), as properties over every purchase instant in
 * 1970–2200 (biased to days 28–31 and 29 February) plus the spec's own examples.
 */
import fc from 'fast-check';
import { BillingCycle, TermDuration } from '../src/entities/enums';
import {
  CANCELLATION_WINDOW_MS,
  CYCLES_OF_TERM,
  DECREASE_WINDOW_MS,
  type LicenceBlock,
  type OfferTermData,
  TERM_MONTHS,
  type TermChoice,
  billingPeriods,
  blocksAfterChange,
  cancellationAllowedUntil,
  chooseRenewalTerm,
  chooseTerm,
  describeTerms,
  monthsToTermContaining,
  quantityFloor,
  removableBlocks,
  termEnd,
  MAX_LICENCES,
  termFigures,
  UNIT_PRICE_MAX_CENTS,
  termsProblem,
  wholeQuantityBlock,
} from '../src/domain/terms';

// ---- Calendar helpers, written independently of terms.ts ----

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) => (month === 1 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]);

/** Months since year 0, so that "k months later" is plain addition. */
const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
const timeOfDay = (date: Date) => date.getTime() - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** What SPEC §8 says an end is: the purchase's day (or the month's last day) and time of day, `months` months later. */
function expectedEnd(purchase: Date, months: number): Date {
  const index = monthIndex(purchase) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const day = Math.min(purchase.getUTCDate(), daysInMonth(year, month));
  return new Date(Date.UTC(year, month, day) + timeOfDay(purchase));
}

const iso = (text: string) => new Date(text);

// ---- Arbitraries ----

const MS_OF_DAY = fc.integer({ min: 0, max: DAY_MS - 1 });
const YEAR = fc.integer({ min: 1970, max: 2200 });

/** An instant on a given day, if the month has it, else on the month's last day. */
const instantOn = (year: number, month: number, day: number, ms: number) =>
  new Date(Date.UTC(year, month, Math.min(day, daysInMonth(year, month))) + ms);

const anyInstant = fc.date({ min: iso('1970-01-01T00:00:00.000Z'), max: iso('2200-12-31T23:59:59.999Z'), noInvalidDate: true });
const lateInMonth = fc
  .tuple(YEAR, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 28, max: 31 }), MS_OF_DAY)
  .map(([year, month, day, ms]) => instantOn(year, month, day, ms));
const leapDay = fc.tuple(YEAR.filter(isLeapYear), MS_OF_DAY).map(([year, ms]) => new Date(Date.UTC(year, 1, 29) + ms));
/** A purchase instant: any millisecond of 1970–2200, most often at a month's end or on 29 February. */
const purchaseInstant = fc.oneof(
  { arbitrary: anyInstant, weight: 1 },
  { arbitrary: lateInMonth, weight: 2 },
  { arbitrary: leapDay, weight: 1 },
);
const monthsSoFar = fc.integer({ min: 0, max: 500 });

const TERMS = Object.values(TermDuration);
const CYCLES = Object.values(BillingCycle);
const ALL_PAIRS = TERMS.flatMap((termDuration) => CYCLES.map((billingCycle) => ({ termDuration, billingCycle })));
const ALLOWED_PAIRS = ALL_PAIRS.filter((p) => CYCLES_OF_TERM[p.termDuration].includes(p.billingCycle));
const sameTerm = (a: { termDuration: TermDuration; billingCycle: BillingCycle }, b: typeof a) =>
  a.termDuration === b.termDuration && a.billingCycle === b.billingCycle;

/** A valid offer's terms: distinct allowed pairs in any catalog order, each with a price. */
const offerTerms: fc.Arbitrary<OfferTermData[]> = fc
  .shuffledSubarray(ALLOWED_PAIRS, { minLength: 1 })
  .chain((pairs) =>
    fc.tuple(...pairs.map((pair) => fc.integer({ min: 0, max: 100_000_000 }).map((unitPriceCents) => ({ ...pair, unitPriceCents })))),
  );
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const termChoice: fc.Arbitrary<TermChoice> = fc.record({
  termDuration: maybe(fc.constantFrom(...TERMS)),
  billingCycle: maybe(fc.constantFrom(...CYCLES)),
});

describe('term ends', () => {
  it('fall k months after the purchase, on its day of the month (or the last day) and at its time of day', () => {
    fc.assert(
      fc.property(purchaseInstant, monthsSoFar, (purchase, k) => {
        expect(termEnd(purchase, k).toISOString()).toBe(expectedEnd(purchase, k).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('are in the calendar month exactly k months after the purchase: none is skipped', () => {
    fc.assert(
      fc.property(purchaseInstant, monthsSoFar, (purchase, k) => {
        expect(monthIndex(termEnd(purchase, k))).toBe(monthIndex(purchase) + k);
      }),
      { numRuns: 1000 },
    );
  });

  it('keep the time of day and clamp only when the month is too short', () => {
    fc.assert(
      fc.property(purchaseInstant, monthsSoFar, (purchase, k) => {
        const end = termEnd(purchase, k);
        expect(timeOfDay(end)).toBe(timeOfDay(purchase));
        const lastDay = daysInMonth(end.getUTCFullYear(), end.getUTCMonth());
        expect(end.getUTCDate()).toBe(purchase.getUTCDate() <= lastDay ? purchase.getUTCDate() : lastDay);
      }),
      { numRuns: 1000 },
    );
  });

  it('are strictly increasing in k', () => {
    fc.assert(
      fc.property(purchaseInstant, (purchase) => {
        const ends = Array.from({ length: 501 }, (_, k) => termEnd(purchase, k).getTime());
        expect(ends[0]).toBe(purchase.getTime());
        const firstNotLater = ends.findIndex((end, k) => k > 0 && end <= ends[k - 1]);
        expect(firstNotLater).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });

  it('do not drift after a short month: an end on the 31st comes back after February', () => {
    fc.assert(
      fc.property(
        fc.tuple(YEAR, fc.constantFrom(0, 2, 4, 6, 7, 9, 11), MS_OF_DAY).map(([y, m, ms]) => instantOn(y, m, 31, ms)),
        monthsSoFar,
        (purchase, k) => {
          const end = termEnd(purchase, k);
          expect(end.getUTCDate()).toBe(daysInMonth(end.getUTCFullYear(), end.getUTCMonth()));
        },
      ),
    );
  });

  it('the spec example: bought 2027-01-31T10:00Z for P1M, renewed after three months into P1Y (M = 15)', () => {
    const purchase = iso('2027-01-31T10:00:00Z');
    const monthly = [1, 2, 3].map((m) => termEnd(purchase, m).toISOString());
    expect(monthly).toEqual(['2027-02-28T10:00:00.000Z', '2027-03-31T10:00:00.000Z', '2027-04-30T10:00:00.000Z']);
    const months = 3 * TERM_MONTHS.P1M + TERM_MONTHS.P1Y;
    expect(months).toBe(15);
    expect(termEnd(purchase, months).toISOString()).toBe('2028-04-30T10:00:00.000Z');
  });

  it('bought on 29 February 2028: monthly ends keep the 29th, yearly ones clamp to the 28th outside leap years', () => {
    const purchase = iso('2028-02-29T23:30:00Z');
    expect([1, 2, 12].map((m) => termEnd(purchase, m).toISOString())).toEqual([
      '2028-03-29T23:30:00.000Z',
      '2028-04-29T23:30:00.000Z',
      '2029-02-28T23:30:00.000Z',
    ]);
    const yearly = [1, 2, 3, 4].map((years) => termEnd(purchase, years * TERM_MONTHS.P1Y).toISOString());
    expect(yearly).toEqual([
      '2029-02-28T23:30:00.000Z',
      '2030-02-28T23:30:00.000Z',
      '2031-02-28T23:30:00.000Z',
      '2032-02-29T23:30:00.000Z',
    ]);
    expect(termEnd(purchase, TERM_MONTHS.P3Y).toISOString()).toBe('2031-02-28T23:30:00.000Z');
  });

  it('2100 is not a leap year, 2000 is', () => {
    expect(termEnd(iso('2099-01-31T00:00:00Z'), 13).toISOString()).toBe('2100-02-28T00:00:00.000Z');
    expect(termEnd(iso('1999-01-31T00:00:00Z'), 13).toISOString()).toBe('2000-02-29T00:00:00.000Z');
  });
});

describe('the cancellation window', () => {
  it('ends exactly 168 hours after the term starts', () => {
    expect(CANCELLATION_WINDOW_MS).toBe(168 * HOUR_MS);
    fc.assert(
      fc.property(purchaseInstant, (start) => {
        expect(cancellationAllowedUntil(start).getTime() - start.getTime()).toBe(168 * HOUR_MS);
      }),
    );
    expect(cancellationAllowedUntil(iso('2027-01-31T10:00:00Z')).toISOString()).toBe('2027-02-07T10:00:00.000Z');
  });
});

describe('the terms an offer may list', () => {
  const P1M_MONTHLY = { termDuration: TermDuration.P1M, billingCycle: BillingCycle.MONTHLY, unitPriceCents: 100 };

  it('refuses exactly the empty list, a pair outside the allowed ones, and a pair listed twice', () => {
    const anyPairs = fc.array(
      fc.constantFrom(...ALL_PAIRS).map((pair) => ({ ...pair, unitPriceCents: 100 })),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(anyPairs, (terms) => {
        const allAllowed = terms.every((t) => CYCLES_OF_TERM[t.termDuration].includes(t.billingCycle));
        const distinct = new Set(terms.map((t) => `${t.termDuration}/${t.billingCycle}`)).size === terms.length;
        const valid = terms.length > 0 && allAllowed && distinct;
        expect(termsProblem(terms) === undefined).toBe(valid);
      }),
      { numRuns: 1000 },
    );
  });

  it('allows P1M only MONTHLY, P1Y MONTHLY or ANNUAL, P3Y all three', () => {
    const allowed = ALL_PAIRS.filter((pair) => termsProblem([{ ...pair, unitPriceCents: 1 }]) === undefined);
    expect(allowed.map((p) => `${p.termDuration}/${p.billingCycle}`)).toEqual([
      'P1M/MONTHLY',
      'P1Y/MONTHLY',
      'P1Y/ANNUAL',
      'P3Y/MONTHLY',
      'P3Y/ANNUAL',
      'P3Y/TRIENNIAL',
    ]);
    expect(termsProblem([])).toMatch(/at least one/);
    expect(termsProblem([P1M_MONTHLY, { ...P1M_MONTHLY, unitPriceCents: 200 }])).toMatch(/twice/);
  });
});

/** SPEC §8's defaults at purchase, said as plainly as possible: the term wanted, or why there is none. */
function expectedChoice(terms: OfferTermData[], { termDuration, billingCycle }: TermChoice) {
  if (!termDuration) {
    const term = billingCycle ? terms.find((t) => t.billingCycle === billingCycle) : terms[0];
    return term ? { term } : { field: 'billingCycle' };
  }
  const ofTerm = terms.filter((t) => t.termDuration === termDuration);
  if (ofTerm.length === 0) return { field: 'termDuration' };
  const term = billingCycle ? ofTerm.find((t) => t.billingCycle === billingCycle) : ofTerm[0];
  return term ? { term } : { field: 'billingCycle' };
}

/** The chosen term, or the refused field: what a spec compares (the message is checked on its own). */
const outcome = (chosen: ReturnType<typeof chooseTerm>) => ('term' in chosen ? { term: chosen.term } : { field: chosen.field });

describe('choosing a term at purchase', () => {
  it('takes the first listed pair, the first with the given cycle, or the first of the given term; refuses with the right field', () => {
    fc.assert(
      fc.property(offerTerms, termChoice, (terms, choice) => {
        const chosen = chooseTerm(terms, choice);
        expect(outcome(chosen)).toEqual(expectedChoice(terms, choice));
        if ('term' in chosen) expect(terms).toContain(chosen.term);
        else expect(chosen.message).toContain(describeTerms(terms));
      }),
      { numRuns: 1000 },
    );
  });

  it('examples from an offer sold yearly (billed annually, then monthly) and for three years', () => {
    const terms: OfferTermData[] = [
      { termDuration: TermDuration.P1Y, billingCycle: BillingCycle.ANNUAL, unitPriceCents: 12_000 },
      { termDuration: TermDuration.P1Y, billingCycle: BillingCycle.MONTHLY, unitPriceCents: 1_100 },
      { termDuration: TermDuration.P3Y, billingCycle: BillingCycle.TRIENNIAL, unitPriceCents: 30_000 },
    ];
    const pair = (choice: TermChoice) => {
      const chosen = chooseTerm(terms, choice);
      return 'term' in chosen ? `${chosen.term.termDuration}/${chosen.term.billingCycle}` : `refused: ${chosen.field}`;
    };
    expect(pair({})).toBe('P1Y/ANNUAL');
    expect(pair({ billingCycle: BillingCycle.MONTHLY })).toBe('P1Y/MONTHLY');
    expect(pair({ billingCycle: BillingCycle.TRIENNIAL })).toBe('P3Y/TRIENNIAL');
    expect(pair({ termDuration: TermDuration.P3Y })).toBe('P3Y/TRIENNIAL');
    expect(pair({ termDuration: TermDuration.P1M })).toBe('refused: termDuration');
    expect(pair({ termDuration: TermDuration.P1M, billingCycle: BillingCycle.MONTHLY })).toBe('refused: termDuration');
    expect(pair({ termDuration: TermDuration.P3Y, billingCycle: BillingCycle.MONTHLY })).toBe('refused: billingCycle');
  });
});

describe('choosing the term of a scheduled renewal change', () => {
  const currentAndChoice = offerTerms.chain((terms) => fc.tuple(fc.constant(terms), fc.constantFrom(...terms), termChoice));

  it("a term alone keeps today's cycle if the new term lists it, else takes its first; a cycle alone applies to today's term", () => {
    fc.assert(
      fc.property(currentAndChoice, ([terms, current, choice]) => {
        const chosen = chooseRenewalTerm(terms, current, choice);
        const termDuration = choice.termDuration ?? current.termDuration;
        const keepsCycle = !choice.billingCycle && terms.find((t) => sameTerm(t, { termDuration, billingCycle: current.billingCycle }));
        const expected = keepsCycle ? { term: keepsCycle } : expectedChoice(terms, { termDuration, billingCycle: choice.billingCycle });
        expect(outcome(chosen)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("with neither given, keeps today's pair", () => {
    fc.assert(
      fc.property(currentAndChoice, ([terms, current]) => {
        expect(outcome(chooseRenewalTerm(terms, current, {}))).toEqual({ term: current });
      }),
    );
  });

  it("P1Y billed monthly renewed into P3Y keeps MONTHLY when P3Y lists it, else takes P3Y's first", () => {
    const current = { termDuration: TermDuration.P1Y, billingCycle: BillingCycle.MONTHLY };
    const p3y = (billingCycle: BillingCycle) => ({ termDuration: TermDuration.P3Y, billingCycle, unitPriceCents: 1 });
    const withMonthly = [{ ...current, unitPriceCents: 1 }, p3y(BillingCycle.ANNUAL), p3y(BillingCycle.MONTHLY)];
    const without = [{ ...current, unitPriceCents: 1 }, p3y(BillingCycle.TRIENNIAL), p3y(BillingCycle.ANNUAL)];
    expect(chooseRenewalTerm(withMonthly, current, { termDuration: TermDuration.P3Y })).toEqual({ term: withMonthly[2] });
    expect(chooseRenewalTerm(without, current, { termDuration: TermDuration.P3Y })).toEqual({ term: without[1] });
  });
});

describe('quote figures', () => {
  /** A term, a quantity and a unit price whose term total is a safe integer (SPEC §9 caps offers so). */
  const pricedTerm = fc
    .tuple(fc.constantFrom(...ALLOWED_PAIRS), fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1_000_000 })))
    .chain(([pair, quantity]) => {
      const maxPrice = Math.floor(Number.MAX_SAFE_INTEGER / (quantity * billingPeriods(pair.termDuration, pair.billingCycle)));
      return fc.record({
        term: fc.integer({ min: 0, max: maxPrice }).map((unitPriceCents) => ({ ...pair, unitPriceCents })),
        quantity: fc.constant(quantity),
      });
    });

  it('termTotal = price per period × periods; monthlyTotal = termTotal ÷ months rounded half up, exactly as in BigInt', () => {
    fc.assert(
      fc.property(pricedTerm, ({ term, quantity }) => {
        const figures = termFigures(term, quantity);
        const perPeriod = BigInt(term.unitPriceCents) * BigInt(quantity);
        const total = perPeriod * BigInt(billingPeriods(term.termDuration, term.billingCycle));
        const months = BigInt(TERM_MONTHS[term.termDuration]);
        const halfUp = (2n * total + months) / (2n * months);
        expect(BigInt(figures.pricePerBillingPeriodCents)).toBe(perPeriod);
        expect(BigInt(figures.termTotalCents)).toBe(total);
        expect(BigInt(figures.monthlyTotalCents)).toBe(halfUp);
      }),
      { numRuns: 3000 },
    );
  });

  it('no offer the catalog accepts can overflow a total: its largest quantity × the highest price × 36 periods is a safe integer (SPEC §9)', () => {
    expect(MAX_LICENCES * UNIT_PRICE_MAX_CENTS * 36).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    for (const pair of ALLOWED_PAIRS) {
      const figures = termFigures({ ...pair, unitPriceCents: UNIT_PRICE_MAX_CENTS }, MAX_LICENCES);
      for (const value of Object.values(figures)) expect(Number.isSafeInteger(value)).toBe(true);
    }
  });

  it('periods: 12 monthly or 1 annual in P1Y; 36, 3 or 1 in P3Y', () => {
    expect(ALLOWED_PAIRS.map((p) => billingPeriods(p.termDuration, p.billingCycle))).toEqual([1, 12, 1, 36, 3, 1]);
  });

  it('examples: exact, half a cent (up), just under half a cent (down), and at the largest safe total', () => {
    const figures = (termDuration: TermDuration, billingCycle: BillingCycle, unitPriceCents: number, quantity: number) =>
      termFigures({ termDuration, billingCycle, unitPriceCents }, quantity);
    expect(figures(TermDuration.P1Y, BillingCycle.MONTHLY, 1_000, 3)).toEqual({
      pricePerBillingPeriodCents: 3_000,
      termTotalCents: 36_000,
      monthlyTotalCents: 3_000,
    });
    expect(figures(TermDuration.P3Y, BillingCycle.ANNUAL, 10_000, 1)).toEqual({
      pricePerBillingPeriodCents: 10_000,
      termTotalCents: 30_000,
      monthlyTotalCents: 833,
    });
    expect(figures(TermDuration.P1Y, BillingCycle.ANNUAL, 18, 1).monthlyTotalCents).toBe(2); // 1.5
    expect(figures(TermDuration.P3Y, BillingCycle.TRIENNIAL, 18, 1).monthlyTotalCents).toBe(1); // 0.5
    expect(figures(TermDuration.P3Y, BillingCycle.TRIENNIAL, 17, 1).monthlyTotalCents).toBe(0); // 0.47…
    expect(figures(TermDuration.P1M, BillingCycle.MONTHLY, Number.MAX_SAFE_INTEGER, 1).monthlyTotalCents).toBe(Number.MAX_SAFE_INTEGER);
  });
});

// ---- Licence blocks ----

/** Licences one by one, oldest first, each labelled with when it was added: "most recent first" is then the tail. */
const licences = (blocks: readonly LicenceBlock[]) => blocks.flatMap((b) => Array<string>(b.quantity).fill(b.addedAt));
const total = (blocks: readonly LicenceBlock[]) => blocks.reduce((sum, b) => sum + b.quantity, 0);

interface Subscription {
  quantity: number;
  blocks: LicenceBlock[];
  now: Date;
}

/** A change a customer makes after a wait: an increase within the maximum, or a decrease to at or above the floor. */
interface Step {
  waitMs: number;
  increase: boolean;
  /** How many licences to add or remove, taken modulo what the maximum or the floor allows. */
  amount: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  // Mostly within the window, sometimes past it, sometimes right at its edge.
  waitMs: fc.oneof(
    fc.integer({ min: 0, max: 3 * DAY_MS }),
    fc.integer({ min: 0, max: 10 * DAY_MS }),
    fc.constantFrom(DECREASE_WINDOW_MS - 1, DECREASE_WINDOW_MS, DECREASE_WINDOW_MS + 1),
  ),
  increase: fc.boolean(),
  amount: fc.nat({ max: 1_000 }),
});

function targetQuantity({ increase, amount }: Step, floor: number, quantity: number, maxQuantity: number): number {
  return increase ? quantity + (amount % (maxQuantity - quantity + 1)) : quantity - (amount % (quantity - floor + 1));
}

const history = fc.record({
  minQuantity: fc.integer({ min: 1, max: 20 }),
  extra: fc.integer({ min: 0, max: 200 }),
  bought: fc.nat({ max: 1_000 }),
  purchasedAt: anyInstant,
  steps: fc.array(step, { maxLength: 12 }),
});

describe('licence blocks', () => {
  it('a purchase or renewal is one block of the whole quantity, removable for 168 hours', () => {
    const at = iso('2027-01-31T10:00:00Z');
    const blocks = wholeQuantityBlock(10, at);
    expect(blocks).toEqual([{ quantity: 10, addedAt: '2027-01-31T10:00:00.000Z' }]);
    expect(quantityFloor(10, blocks, new Date(at.getTime() + DECREASE_WINDOW_MS - 1), 2)).toBe(2);
    expect(quantityFloor(10, blocks, new Date(at.getTime() + DECREASE_WINDOW_MS), 2)).toBe(10);
  });

  it('the floor counts only blocks added less than 168 hours ago, and never leaves [minQuantity, quantity]', () => {
    const state = fc.record({
      minQuantity: fc.integer({ min: 1, max: 50 }),
      now: anyInstant,
      ages: fc.array(
        fc.record({
          quantity: fc.integer({ min: 1, max: 100 }),
          ageMs: fc.oneof(fc.integer({ min: 0, max: 20 * DAY_MS }), fc.constantFrom(0, DECREASE_WINDOW_MS - 1, DECREASE_WINDOW_MS)),
        }),
        { maxLength: 6 },
      ),
      // Licences in no block: bought or renewed more than 168 hours ago.
      unblocked: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(state, ({ minQuantity, now, ages, unblocked }) => {
        const blocks = ages.map(({ quantity, ageMs }) => ({ quantity, addedAt: new Date(now.getTime() - ageMs).toISOString() }));
        const quantity = Math.max(minQuantity, total(blocks) + unblocked);
        const young = blocks.filter((b) => now.getTime() - Date.parse(b.addedAt) < 168 * HOUR_MS);
        const floor = quantityFloor(quantity, blocks, now, minQuantity);
        expect(floor).toBe(Math.max(minQuantity, quantity - total(young)));
        expect(floor).toBeGreaterThanOrEqual(minQuantity);
        expect(floor).toBeLessThanOrEqual(quantity);
        expect(removableBlocks(blocks, now)).toEqual(young);
      }),
      { numRuns: 1000 },
    );
  });

  it('through any purchase, increases and decreases: an increase adds one block of the difference, a decrease removes the most recent licences first', () => {
    fc.assert(
      fc.property(history, ({ minQuantity, extra, bought, purchasedAt, steps }) => {
        const maxQuantity = minQuantity + extra;
        const quantity = minQuantity + (bought % (extra + 1));
        let sub: Subscription = { quantity, blocks: wholeQuantityBlock(quantity, purchasedAt), now: purchasedAt };
        for (const change of steps) {
          const now = new Date(sub.now.getTime() + change.waitMs);
          const floor = quantityFloor(sub.quantity, sub.blocks, now, minQuantity);
          expect(floor).toBeGreaterThanOrEqual(minQuantity);
          expect(floor).toBeLessThanOrEqual(sub.quantity);
          const to = targetQuantity(change, floor, sub.quantity, maxQuantity);
          const before = removableBlocks(sub.blocks, now);
          const after = blocksAfterChange(sub.blocks, sub.quantity, to, now);

          if (to > sub.quantity) {
            expect(after).toEqual([...before, { quantity: to - sub.quantity, addedAt: now.toISOString() }]);
          } else {
            const decrease = sub.quantity - to;
            expect(total(after)).toBe(total(before) - decrease);
            const kept = licences(before).slice(0, total(before) - decrease);
            expect(licences(after).join()).toBe(kept.join());
          }
          expect(after.every((b) => b.quantity > 0)).toBe(true);
          expect(total(after)).toBeLessThanOrEqual(to);
          expect(quantityFloor(to, after, now, minQuantity)).toBeLessThanOrEqual(to);
          sub = { quantity: to, blocks: after, now };
        }
      }),
      { numRuns: 400 },
    );
  });

  it('example: 10 bought, 5 added eight days later; a day on, only those 5 may go, newest first', () => {
    const bought = iso('2027-01-01T00:00:00Z');
    const added = new Date(bought.getTime() + 8 * DAY_MS);
    const nextDay = new Date(added.getTime() + DAY_MS);
    let blocks = wholeQuantityBlock(10, bought);
    blocks = blocksAfterChange(blocks, 10, 15, added);
    expect(blocks).toEqual([{ quantity: 5, addedAt: added.toISOString() }]);
    expect(quantityFloor(15, blocks, nextDay, 1)).toBe(10);
    blocks = blocksAfterChange(blocks, 15, 12, nextDay);
    expect(blocks).toEqual([{ quantity: 2, addedAt: added.toISOString() }]);
    expect(quantityFloor(12, blocks, new Date(added.getTime() + DECREASE_WINDOW_MS), 1)).toBe(12);
  });
});

describe('the term that contains now (the upgrade)', () => {
  const upgrade = fc.record({
    purchase: purchaseInstant,
    termMonths: fc.constantFrom(...Object.values(TERM_MONTHS)),
    // Up to about 80 years on, and often exactly at an end.
    ageMs: fc.integer({ min: 0, max: 80 * 365 * DAY_MS }),
    atAnEnd: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  });

  it('answers the M, a multiple of the term, with termEnd(p, M − term) ≤ now < termEnd(p, M)', () => {
    fc.assert(
      fc.property(upgrade, ({ purchase, termMonths, ageMs, atAnEnd }) => {
        const now = atAnEnd === undefined ? new Date(purchase.getTime() + ageMs) : termEnd(purchase, atAnEnd);
        const months = monthsToTermContaining(purchase, termMonths, now);
        expect(months % termMonths).toBe(0);
        expect(months).toBeGreaterThanOrEqual(termMonths);
        expect(termEnd(purchase, months - termMonths).getTime()).toBeLessThanOrEqual(now.getTime());
        expect(termEnd(purchase, months).getTime()).toBeGreaterThan(now.getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it('example: bought 2027-01-31T10:00Z monthly; the term ending 2027-03-31T10:00Z has ended at that instant', () => {
    const purchase = iso('2027-01-31T10:00:00Z');
    expect(monthsToTermContaining(purchase, 1, iso('2027-03-31T09:59:59.999Z'))).toBe(2);
    expect(monthsToTermContaining(purchase, 1, iso('2027-03-31T10:00:00Z'))).toBe(3);
    expect(monthsToTermContaining(purchase, 12, iso('2027-03-31T10:00:00Z'))).toBe(12);
    expect(monthsToTermContaining(purchase, 1, purchase)).toBe(1);
  });
});
