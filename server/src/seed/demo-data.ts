import type { DataSource } from 'typeorm';
import { newId } from '../entities/columns';
import { DAY_MS } from '../domain/rules';
import { type OfferTermData, termAsOf } from '../domain/terms';
import {
  LIVE,
  Offer,
  OfferAuthorization,
  Partner,
  ResellerRelationship,
  Subscription,
  SubscriptionChannel,
  SubscriptionStatus,
  Tenant,
  BillingCycle,
  TermDuration,
} from '../entities';

export const DEMO_PARTNERS = {
  fabrikam: '4100001',
  northwind: '4100002',
  tailspin: '4100003',
  /** A reseller with no customers and no authorisations. */
  proseware: '4100004',
} as const;

export interface DemoIds {
  partners: typeof DEMO_PARTNERS;
  tenants: { contoso: string; adatum: string; litware: string; wingtip: string };
}

/** Seeds a small realistic dataset when the database is empty; returns the ids to try, or null if not empty. */
export async function seedDemoData(dataSource: DataSource, now: Date, retentionDays: number): Promise<DemoIds | null> {
  if ((await dataSource.getRepository(Partner).count()) > 0) return null;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  return dataSource.transaction(async (m) => {
    const partner = (id: string, name: string, countryCode: string, isReseller: boolean, isAdvisor: boolean) =>
      Object.assign(new Partner(), { id, name, countryCode, isReseller, isAdvisor, createdAt: at(400) });
    await m.insert(Partner, [
      partner(DEMO_PARTNERS.fabrikam, 'Fabrikam Cloud Solutions', 'VN', true, false),
      partner(DEMO_PARTNERS.northwind, 'Northwind Advisory', 'TH', false, true),
      partner(DEMO_PARTNERS.tailspin, 'Tailspin Partners', 'US', true, true),
      partner(DEMO_PARTNERS.proseware, 'Proseware Reseller', 'GB', true, false),
    ]);

    // Partner Center's new-commerce prices: the monthly term costs the list price; a year's commitment a sixth less
    // per month, billed monthly or up front; three years (for the large plans) a little less again.
    const terms = (cents: number, threeYears: boolean): OfferTermData[] => {
      const yearly = Math.round((cents * 5) / 6);
      const list: OfferTermData[] = [
        { termDuration: TermDuration.P1M, billingCycle: BillingCycle.MONTHLY, unitPriceCents: cents },
        { termDuration: TermDuration.P1Y, billingCycle: BillingCycle.MONTHLY, unitPriceCents: yearly },
        { termDuration: TermDuration.P1Y, billingCycle: BillingCycle.ANNUAL, unitPriceCents: yearly * 12 },
      ];
      if (threeYears)
        list.push({ termDuration: TermDuration.P3Y, billingCycle: BillingCycle.ANNUAL, unitPriceCents: Math.round(yearly * 0.95) * 12 });
      return list;
    };
    const offer = (sku: string, name: string, min: number, max: number, cents: number, daysAgo: number) =>
      Object.assign(new Offer(), {
        id: newId(),
        sku,
        name,
        minQuantity: min,
        maxQuantity: max,
        unitPriceCents: cents,
        terms: terms(cents, max > 1_000),
        currency: 'USD',
        createdAt: at(daysAgo),
      });
    const basic = offer('M365-BUSINESS-BASIC', 'Microsoft 365 Business Basic', 1, 300, 600, 399);
    const standard = offer('M365-BUSINESS-STANDARD', 'Microsoft 365 Business Standard', 1, 300, 1250, 398);
    const premium = offer('M365-BUSINESS-PREMIUM', 'Microsoft 365 Business Premium', 1, 300, 2200, 397);
    const e3 = offer('O365-E3', 'Office 365 E3', 1, 100_000, 2300, 396);
    const e5 = offer('M365-E5', 'Microsoft 365 E5', 1, 100_000, 5700, 395);
    const teams = offer('TEAMS-ESSENTIALS', 'Microsoft Teams Essentials', 1, 300, 400, 394);
    await m.insert(Offer, [basic, standard, premium, e3, e5, teams]);

    const authorize = (partnerId: string, offers: Offer[]) =>
      offers.map((o) => ({ id: newId(), partnerId, offerId: o.id, createdAt: at(390) }));
    await m.insert(OfferAuthorization, [
      ...authorize(DEMO_PARTNERS.fabrikam, [basic, standard, premium, teams]),
      ...authorize(DEMO_PARTNERS.tailspin, [basic, standard, premium, e3, e5, teams]),
    ]);

    const tenant = (name: string, domain: string, countryCode: string, billingManagedById: string | null, daysAgo: number) =>
      Object.assign(new Tenant(), { id: newId(), name, domain, countryCode, billingManagedById, createdAt: at(daysAgo) });
    const contoso = tenant('Contoso Ltd', 'contoso.example', 'US', null, 300);
    const adatum = tenant('Adatum Corporation', 'adatum.example', 'VN', DEMO_PARTNERS.fabrikam, 250);
    const litware = tenant('Litware Inc', 'litware.example', 'TH', null, 200);
    const wingtip = tenant('Wingtip Toys', 'wingtiptoys.example', 'GB', null, 100);
    await m.insert(Tenant, [contoso, adatum, litware, wingtip]);
    await m.insert(ResellerRelationship, [
      { id: newId(), partnerId: DEMO_PARTNERS.fabrikam, tenantId: adatum.id, createdAt: at(250) },
      { id: newId(), partnerId: DEMO_PARTNERS.fabrikam, tenantId: litware.id, createdAt: at(150) },
    ]);

    const subscription = (
      t: Tenant,
      o: Offer,
      quantity: number,
      channel: SubscriptionChannel,
      extra: Partial<Subscription> = {},
    ): Subscription => {
      // Bought monthly 90 days ago: the current term is the one that contains now.
      const createdAt = at(90);
      const term = termAsOf(createdAt, { termDuration: TermDuration.P1M, billingCycle: BillingCycle.MONTHLY }, quantity, now);
      return Object.assign(new Subscription(), {
        id: newId(),
        tenantId: t.id,
        offerId: o.id,
        quantity,
        status: SubscriptionStatus.ACTIVE,
        channel,
        resellerId: channel === SubscriptionChannel.RESELLER ? DEMO_PARTNERS.fabrikam : null,
        partnerOfRecordId: null,
        suspendedAt: null,
        dataRetentionEndsAt: null,
        liveKey: LIVE,
        ...term,
        version: 1,
        createdAt,
        updatedAt: term.termStartsAt,
        ...extra,
      });
    };
    const suspendedAt = at(10);
    await m.insert(Subscription, [
      subscription(contoso, premium, 25, SubscriptionChannel.DIRECT, { partnerOfRecordId: DEMO_PARTNERS.northwind }),
      subscription(contoso, teams, 10, SubscriptionChannel.DIRECT),
      subscription(adatum, standard, 40, SubscriptionChannel.RESELLER),
      subscription(adatum, basic, 15, SubscriptionChannel.RESELLER, {
        status: SubscriptionStatus.SUSPENDED,
        suspendedAt,
        dataRetentionEndsAt: new Date(suspendedAt.getTime() + retentionDays * DAY_MS),
        version: 2,
        updatedAt: suspendedAt,
      }),
      subscription(litware, e3, 120, SubscriptionChannel.DIRECT),
      subscription(litware, premium, 10, SubscriptionChannel.RESELLER, { partnerOfRecordId: DEMO_PARTNERS.tailspin }),
    ]);
    return {
      partners: DEMO_PARTNERS,
      tenants: { contoso: contoso.id, adatum: adatum.id, litware: litware.id, wingtip: wingtip.id },
    };
  });
}
