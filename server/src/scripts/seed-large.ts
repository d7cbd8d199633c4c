/**
 * Bulk-loads a large, realistic dataset for load tests (issue 6):
 *
 *   npm run seed:large -- --tenants 100000 --subscriptions-per-tenant 10 --resellers 200
 *
 * Uses DATABASE_URL exactly like the server (mysql://… or sqlite:PATH), creates a missing MySQL database,
 * and brings the schema up to date with the server's migrations first. Rows go in with multi-row INSERTs inside transactions, straight
 * through the driver (mysql2 / better-sqlite3). Every row is derived from (seed, entity, index) alone, so
 * the data is the same on every run: a second run finds the dataset complete and stops at once, and an
 * interrupted run resumes (INSERT IGNORE / INSERT OR IGNORE on the same ids).
 *
 * The shape: a catalog of offers; resellers (some also advisors) authorised for most of the catalog;
 * advisors; tenants, about three quarters of them with one reseller (a tenth with two), the first
 * reseller being a large one holding ~30% of all customers; per tenant a mix of DIRECT and RESELLER
 * subscriptions (mostly ACTIVE, some SUSPENDED within retention, a few DELETED), a fifth of them with an
 * advisor as partner of record.
 *
 * Terms (SPEC §8): every offer lists P1M/MONTHLY first, every third offer P1Y (and every sixth P3Y) as well;
 * most subscriptions are P1M, a few on those offers P1Y. Each subscription's current term is the one that
 * contains the seed's "now", anchored at its purchase (createdAt), so term ends spread over the month. The
 * W5 cohort of the benchmark (`--w5-cohort`, 100,000): ACTIVE auto-renewing P1M subscriptions, at most two per
 * tenant, of tenants that are not customers of the largest reseller (whose customers W1–W4 use), all bought
 * at W5_PURCHASE, so that their terms all end at one instant (bench/w5-renewals.js moves it next to now).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { SingleBar } from 'cli-progress';
import { ConfigError, parseDatabaseUrl, type DatabaseConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { DAY_MS, foldForSearch } from '../domain/rules';
import { addMonthsClamped, monthsToTermContaining, TERM_MONTHS } from '../domain/terms';

const usage = `Usage: npm run seed:large -- [--tenants N] [--subscriptions-per-tenant M] [--resellers K]
                            [--advisors A] [--batch ROWS] [--seed S] [--w5-cohort C] [--quiet]
Loads into DATABASE_URL (default sqlite:./data/tenantry.sqlite), after running the migrations.
Defaults: --tenants 10000 --subscriptions-per-tenant 10 --resellers 50 --advisors resellers/2 --batch 1000 --seed 1
          --w5-cohort 100000 (fewer when the dataset has fewer eligible subscriptions)`;

export interface SeedOptions {
  tenants: number;
  subscriptionsPerTenant: number;
  resellers: number;
  advisors: number;
  batch: number;
  seed: number;
  quiet: boolean;
  /** How many subscriptions share the W5 purchase instant (at most; default 100,000). */
  w5Cohort?: number;
}

export interface SeedResult {
  alreadyComplete: boolean;
  rows: Record<string, number>;
  seconds: number;
  /** The reseller holding the most customers (W1 of the benchmark pages through its list). */
  bigResellerId: string;
}

// ---------------------------------------------------------------------------------------------
// Deterministic generation
// ---------------------------------------------------------------------------------------------

/** A small fast PRNG (mulberry32) seeded from (seed, kind, index): every entity is reproducible alone. */
function rngFor(seed: number, kind: string, index: number): () => number {
  const h = createHash('sha1').update(`${seed}:${kind}:${index}`).digest();
  let a = h.readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A UUIDv7 for instant `ms`, its random bits from `rng`: ids sort by time like the server's. */
function uuidv7At(ms: number, rng: () => number): string {
  const b = new Array<number>(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  for (let i = 6; i < 16; i++) b[i] = Math.floor(rng() * 256);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.map((x) => HEX[x]);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC: what TypeORM writes for datetime(3) on both dialects. */
const sqlDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
};

const BASE = Date.UTC(2022, 0, 1);
const RETENTION_DAYS = 90;
/** RENEWAL_NOTICE_DAYS' default: a term ending sooner than this after the seed's "now" had its notice written. */
const NOTICE_DAYS = 7;
/**
 * When every subscription of the W5 cohort was bought: after the last tenant's creation (BASE + at most three
 * years), on a day every month has, with a millisecond no other seeded instant has (they are whole seconds).
 */
export const W5_PURCHASE = Date.UTC(2025, 2, 14, 9, 30, 0, 777);
export const W5_COHORT_DEFAULT = 100_000;
/** At most this many cohort subscriptions per tenant: the cohort spreads over ~50,000 tenants. */
const W5_PER_TENANT = 2;

const CATALOG: [sku: string, name: string, min: number, max: number, cents: number][] = [
  ['M365-BUSINESS-BASIC', 'Microsoft 365 Business Basic', 1, 300, 600],
  ['M365-BUSINESS-STANDARD', 'Microsoft 365 Business Standard', 1, 300, 1250],
  ['M365-BUSINESS-PREMIUM', 'Microsoft 365 Business Premium', 1, 300, 2200],
  ['M365-APPS-BUSINESS', 'Microsoft 365 Apps for business', 1, 300, 825],
  ['M365-E3', 'Microsoft 365 E3', 1, 100_000, 3600],
  ['M365-E5', 'Microsoft 365 E5', 1, 100_000, 5700],
  ['M365-F3', 'Microsoft 365 F3', 1, 100_000, 800],
  ['O365-E1', 'Office 365 E1', 1, 100_000, 1000],
  ['O365-E3', 'Office 365 E3', 1, 100_000, 2300],
  ['EXCHANGE-ONLINE-P1', 'Exchange Online (Plan 1)', 1, 100_000, 400],
  ['EXCHANGE-ONLINE-P2', 'Exchange Online (Plan 2)', 1, 100_000, 800],
  ['TEAMS-ESSENTIALS', 'Microsoft Teams Essentials', 1, 300, 400],
  ['TEAMS-PREMIUM', 'Microsoft Teams Premium', 1, 100_000, 1000],
  ['ENTRA-ID-P1', 'Microsoft Entra ID P1', 1, 100_000, 600],
  ['ENTRA-ID-P2', 'Microsoft Entra ID P2', 1, 100_000, 900],
  ['INTUNE-P1', 'Microsoft Intune Plan 1', 1, 100_000, 800],
  ['DEFENDER-BUSINESS', 'Microsoft Defender for Business', 1, 300, 300],
  ['POWER-BI-PRO', 'Power BI Pro', 1, 100_000, 1400],
  ['VISIO-P2', 'Visio Plan 2', 1, 100_000, 1500],
  ['PROJECT-P3', 'Project Plan 3', 1, 100_000, 3000],
];

const ADJECTIVES = [
  'Blue',
  'Northern',
  'Bright',
  'Silver',
  'Golden',
  'Rapid',
  'Quiet',
  'Crimson',
  'Green',
  'Summit',
  'Coastal',
  'Urban',
  'Prime',
  'Lunar',
  'Solar',
  'Alpine',
  'Royal',
  'Swift',
  'Granite',
  'Maple',
];
const NOUNS = [
  'Harbor',
  'Works',
  'Labs',
  'Foods',
  'Logistics',
  'Textiles',
  'Clinic',
  'Studio',
  'Motors',
  'Systems',
  'Partners',
  'Trading',
  'Farms',
  'Media',
  'Energy',
  'Hotels',
  'Bakery',
  'Dental',
  'Legal',
  'Print',
];
const SUFFIXES = ['Ltd', 'Co., Ltd', 'Inc', 'LLC', 'JSC', 'Group', 'GmbH', 'Pte Ltd'];
const COUNTRIES = ['VN', 'TH', 'US', 'GB', 'DE', 'SG', 'JP', 'AU', 'FR', 'IN'];
const pick = <T>(rng: () => number, items: readonly T[]) => items[Math.floor(rng() * items.length)];

interface Plan {
  o: SeedOptions;
  offers: { id: string; sku: string; name: string; min: number; max: number; cents: number; createdAt: number; terms: SeedTerm[] }[];
  resellerIds: string[];
  advisorIds: string[];
  /** Partners that can be partner of record: advisors, and resellers that are advisors too. */
  advisorPool: string[];
  /** Offer indexes each reseller may sell. */
  authorised: Set<number>[];
  tenantStep: number;
  now: number;
}

function makePlan(o: SeedOptions): Plan {
  const offerCount = Math.max(CATALOG.length, o.subscriptionsPerTenant);
  const offers = Array.from({ length: offerCount }, (_, i) => {
    const [sku, name, min, max, cents] = CATALOG[i % CATALOG.length];
    const edition = Math.floor(i / CATALOG.length);
    const createdAt = BASE - 400 * DAY_MS + i * 60_000;
    return {
      id: uuidv7At(createdAt, rngFor(o.seed, 'offer', i)),
      sku: edition ? `${sku}-ED${edition + 1}` : sku,
      name: edition ? `${name} (edition ${edition + 1})` : name,
      min,
      max,
      cents,
      createdAt,
      terms: offerTerms(i, cents),
    };
  });
  const resellerIds = Array.from({ length: o.resellers }, (_, i) => String(5_000_001 + i));
  const advisorIds = Array.from({ length: o.advisors }, (_, i) => String(6_000_001 + i));
  const resellerIsAdvisor = (i: number) => i % 5 === 4;
  const advisorPool = [...advisorIds, ...resellerIds.filter((_, i) => resellerIsAdvisor(i))];
  const authorised = resellerIds.map((_, i) => {
    if (i === 0) return new Set(offers.map((_, k) => k)); // the big reseller sells the whole catalog
    const rng = rngFor(o.seed, 'authorised', i);
    return new Set(offers.map((_, k) => k).filter(() => rng() < 0.7));
  });
  const tenantStep = Math.max(1, Math.min(10 * 60_000, Math.floor((3 * 365 * DAY_MS) / Math.max(1, o.tenants))));
  return { o, offers, resellerIds, advisorIds, advisorPool, authorised, tenantStep, now: Date.now() };
}

type Row = (string | number | null)[];

interface SeedTerm {
  termDuration: 'P1M' | 'P1Y' | 'P3Y';
  billingCycle: 'MONTHLY' | 'ANNUAL' | 'TRIENNIAL';
  unitPriceCents: number;
}

/** P1M/MONTHLY at the list price first (what a purchase without a term takes); every third offer P1Y, every sixth P3Y too. */
function offerTerms(i: number, cents: number): SeedTerm[] {
  const terms: SeedTerm[] = [{ termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: cents }];
  if (i % 3 === 1) {
    terms.push({ termDuration: 'P1Y', billingCycle: 'MONTHLY', unitPriceCents: Math.round(cents * 0.95) });
    terms.push({ termDuration: 'P1Y', billingCycle: 'ANNUAL', unitPriceCents: Math.round(cents * 12 * 0.9) });
  }
  if (i % 6 === 1) terms.push({ termDuration: 'P3Y', billingCycle: 'ANNUAL', unitPriceCents: Math.round(cents * 12 * 0.85) });
  return terms;
}

interface TenantRows {
  tenant: Row;
  relationships: Row[];
  subscriptions: Row[];
}

const TENANT_COLUMNS = ['id', 'name', 'nameFolded', 'domain', 'countryCode', 'billingManagedById', 'createdAt'];
const RELATIONSHIP_COLUMNS = ['id', 'partnerId', 'tenantId', 'createdAt'];
const SUBSCRIPTION_COLUMNS = [
  'id',
  'tenantId',
  'offerId',
  'quantity',
  'status',
  'channel',
  'resellerId',
  'partnerOfRecordId',
  'suspendedAt',
  'dataRetentionEndsAt',
  'liveKey',
  'version',
  'createdAt',
  'updatedAt',
  'termDuration',
  'billingCycle',
  'autoRenew',
  'termStartsAt',
  'termEndsAt',
  'termMonths',
  'licenceBlocks',
  'scheduledChange',
  'termNoticePending',
  'cancelledAt',
  'expiredAt',
];

/** Cohort places still to hand out, in tenant order (the generator runs tenants 0, 1, 2, … in every pass). */
export interface CohortCounter {
  left: number;
}

/** The customers' resellers: 3/4 of tenants have one, reseller 0 holding ~30% of them; 1/10 have a second. */
function resellersOf(plan: Plan, rng: () => number): number[] {
  const k = plan.resellerIds.length;
  if (k === 0 || rng() >= 0.75) return [];
  const primary = k === 1 || rng() < 0.3 ? 0 : 1 + Math.floor(rng() * (k - 1));
  if (k > 1 && rng() < 0.1) {
    const second = (primary + 1 + Math.floor(rng() * (k - 1))) % k;
    if (second !== primary) return [primary, second];
  }
  return [primary];
}

function tenantRows(plan: Plan, i: number, cohort: CohortCounter = { left: 0 }): TenantRows & { cohortIds: string[] } {
  const { o, offers } = plan;
  const rng = rngFor(o.seed, 'tenant', i);
  // Terms draw from their own generator: the columns that were seeded before terms existed stay the same.
  const termRng = rngFor(o.seed, 'term', i);
  const cohortIds: string[] = [];
  const createdAt = BASE + i * plan.tenantStep;
  const id = uuidv7At(createdAt, rng);
  const resellers = resellersOf(plan, rng);
  const billing = resellers.length > 0 && rng() < 0.6 ? plan.resellerIds[resellers[0]] : null;
  const name = `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} ${i} ${pick(rng, SUFFIXES)}`;
  const tenant: Row = [id, name, foldForSearch(name), `t${i}.large.example`, pick(rng, COUNTRIES), billing, sqlDate(createdAt)];

  const relationships = resellers.map((r, n) => {
    const at = createdAt + 1 + n;
    return [uuidv7At(at, rng), plan.resellerIds[r], id, sqlDate(at)] as Row;
  });

  // Each subscription a different offer (the catalog has at least M offers): (tenant, offer, channel) stays unique.
  const order = offers.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(rng() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  const subStep = Math.max(1, Math.floor(plan.tenantStep / (o.subscriptionsPerTenant + 2)));
  const subscriptions: Row[] = [];
  for (let k = 0; k < o.subscriptionsPerTenant; k++) {
    const offerIndex = order[k];
    const offer = offers[offerIndex];
    // Reseller-billed tenants buy through their reseller; other customers of resellers half and half.
    const channel = resellers.length === 0 ? 'DIRECT' : billing || rng() < 0.5 ? 'RESELLER' : 'DIRECT';
    let resellerId: string | null = null;
    if (channel === 'RESELLER') {
      const candidates = resellers.filter((r) => plan.authorised[r].has(offerIndex));
      resellerId = plan.resellerIds[candidates.length ? candidates[Math.floor(rng() * candidates.length)] : resellers[0]];
    }
    const created = createdAt + (k + 1) * subStep;
    const subId = uuidv7At(created, rng);
    const roll = rng();
    let status = 'ACTIVE';
    let suspendedAt: string | null = null;
    let retention: string | null = null;
    let liveKey: string | null = 'LIVE';
    let version = 1 + Math.floor(rng() * 4);
    if (roll < 0.03) {
      status = 'DELETED';
      const s = Math.max(created + DAY_MS, plan.now - (RETENTION_DAYS + 30 + Math.floor(rng() * 200)) * DAY_MS);
      suspendedAt = sqlDate(s);
      retention = sqlDate(s + RETENTION_DAYS * DAY_MS);
      liveKey = null;
      version += 2;
    } else if (roll < 0.12) {
      status = 'SUSPENDED';
      const s = plan.now - Math.floor(1 + rng() * 60) * DAY_MS;
      suspendedAt = sqlDate(s);
      retention = sqlDate(s + RETENTION_DAYS * DAY_MS);
      version += 1;
    }
    const partnerOfRecord = status !== 'DELETED' && plan.advisorPool.length && rng() < 0.2 ? pick(rng, plan.advisorPool) : null;
    const quantityCap = Math.min(offer.max, 300);
    const quantity = Math.max(offer.min, Math.min(quantityCap, 1 + Math.floor(rng() * rng() * quantityCap)));
    const updated = Math.min(plan.now, created + Math.floor(rng() * 300) * DAY_MS);

    // The term: P1M mostly; on offers that list more, a tenth P1Y (the offer's first P1Y cycle).
    const yearly = offer.terms.find((t) => t.termDuration === 'P1Y');
    const term = yearly && termRng() < 0.1 ? yearly : offer.terms[0];
    // Auto-renewal off on a few, never on what the largest reseller sold (W3 changes those: they must not expire).
    const autoRenew = !(status === 'ACTIVE' && resellerId !== plan.resellerIds[0] && termRng() < 0.05);
    const inCohort =
      cohort.left > 0 &&
      cohortIds.length < W5_PER_TENANT &&
      status === 'ACTIVE' &&
      autoRenew &&
      term.termDuration === 'P1M' &&
      !resellers.includes(0);
    if (inCohort) {
      cohort.left--;
      cohortIds.push(subId);
    }
    const purchasedAt = inCohort ? W5_PURCHASE : created;
    // Deleted ones keep the term they were in when suspended; the others are in the term that contains now.
    const at = status === 'DELETED' && suspendedAt ? Date.parse(`${suspendedAt.replace(' ', 'T')}Z`) : plan.now;
    const step = TERM_MONTHS[term.termDuration];
    const months = monthsToTermContaining(new Date(purchasedAt), step, new Date(Math.max(at, purchasedAt)));
    const startsAt = addMonthsClamped(new Date(purchasedAt), months - step);
    const endsAt = addMonthsClamped(new Date(purchasedAt), months);
    // A term ending within the notice days had its notice written. The cohort's counts as written too: otherwise the
    // first server to start within 7 days of its end writes 100,000 notices at once, inside whatever it measures.
    const noticePending = !inCohort && status !== 'DELETED' && endsAt.getTime() - NOTICE_DAYS * DAY_MS > plan.now;
    subscriptions.push([
      subId,
      id,
      offer.id,
      quantity,
      status,
      channel,
      resellerId,
      partnerOfRecord,
      suspendedAt,
      retention,
      liveKey,
      version,
      sqlDate(purchasedAt),
      suspendedAt ?? sqlDate(Math.max(updated, purchasedAt)),
      term.termDuration,
      term.billingCycle,
      autoRenew ? 1 : 0,
      sqlDate(startsAt.getTime()),
      sqlDate(endsAt.getTime()),
      months,
      JSON.stringify([{ quantity, addedAt: startsAt.toISOString() }]),
      null,
      noticePending ? 1 : 0,
      null,
      null,
    ]);
  }
  return { tenant, relationships, subscriptions, cohortIds };
}

// ---------------------------------------------------------------------------------------------
// Writers: multi-row INSERT … IGNORE through the raw driver, grouped in transactions
// ---------------------------------------------------------------------------------------------

interface Writer {
  insert(table: string, columns: string[], rows: Row[]): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  scalar(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

async function mysqlWriter(db: Extract<DatabaseConfig, { kind: 'mysql' }>): Promise<Writer> {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    database: db.database,
    charset: 'utf8mb4_unicode_ci',
  });
  const esc = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : connection.escape(v));
  return {
    async insert(table, columns, rows) {
      if (!rows.length) return;
      const values = rows.map((r) => `(${r.map(esc).join(',')})`).join(',');
      await connection.query(`INSERT IGNORE INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES ${values}`);
    },
    begin: async () => void (await connection.query('START TRANSACTION')),
    commit: async () => void (await connection.query('COMMIT')),
    async scalar(sql, params = []) {
      const [rows] = await connection.query(sql, params);
      const first = (rows as Record<string, unknown>[]).at(0);
      return first ? Number(Object.values(first)[0]) : 0;
    },
    close: () => connection.end(),
  };
}

async function sqliteWriter(db: Extract<DatabaseConfig, { kind: 'sqlite' }>): Promise<Writer> {
  const { default: Database } = await import('better-sqlite3');
  const sqlite = new Database(db.path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const statements = new Map<string, Statement>();
  return {
    async insert(table, columns, rows) {
      if (!rows.length) return;
      const key = `${table}:${rows.length}`;
      let statement = statements.get(key);
      if (!statement) {
        const tuple = `(${columns.map(() => '?').join(',')})`;
        statement = sqlite.prepare(
          `INSERT OR IGNORE INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${Array(rows.length).fill(tuple).join(',')}`,
        );
        statements.set(key, statement);
      }
      statement.run(rows.flat());
    },
    begin: async () => void sqlite.exec('BEGIN'),
    commit: async () => void sqlite.exec('COMMIT'),
    scalar: async (sql, params = []) => {
      const row = sqlite.prepare(sql.replace(/`/g, '"')).get(...params) as Record<string, unknown> | undefined;
      return row ? Number(Object.values(row)[0]) : 0;
    },
    close: async () => void sqlite.close(),
  };
}

// ---------------------------------------------------------------------------------------------

export async function seedLarge(db: DatabaseConfig, o: SeedOptions, log: (line: string) => void = () => {}): Promise<SeedResult> {
  const started = Date.now();
  // The server's migrations, into a database created when missing: the same schema the server runs on.
  const schema = await openDatabase(db, { onDatabaseCreated: (name) => log(`Created database ${name}`) });
  await schema.destroy();
  const plan = makePlan(o);
  const writer = db.kind === 'mysql' ? await mysqlWriter(db) : await sqliteWriter(db);
  const expected = {
    offers: plan.offers.length,
    partners: plan.resellerIds.length + plan.advisorIds.length,
    tenants: o.tenants,
    subscriptions: o.tenants * o.subscriptionsPerTenant,
  };
  try {
    // Complete already? The last tenant and its last subscription are the last rows written.
    const last = o.tenants > 0 ? tenantRows(plan, o.tenants - 1) : undefined;
    const lastSubscription = last?.subscriptions[last.subscriptions.length - 1];
    const present = async (table: string, id: unknown) =>
      (await writer.scalar(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE id = ?`, [id])) > 0;
    if (
      (await present('partners', plan.resellerIds.at(0) ?? plan.advisorIds.at(0) ?? '')) &&
      (!last || (await present('tenants', last.tenant[0]))) &&
      (!lastSubscription || (await present('subscriptions', lastSubscription[0])))
    ) {
      log('The dataset is already loaded: nothing to do.');
      return { alreadyComplete: true, rows: expected, seconds: (Date.now() - started) / 1000, bigResellerId: plan.resellerIds[0] };
    }

    // Catalog and partners.
    await writer.begin();
    await writer.insert(
      'offers',
      ['id', 'sku', 'name', 'minQuantity', 'maxQuantity', 'unitPriceCents', 'terms', 'currency', 'createdAt'],
      plan.offers.map((f) => [f.id, f.sku, f.name, f.min, f.max, f.cents, JSON.stringify(f.terms), 'USD', sqlDate(f.createdAt)]),
    );
    const partnerRow = (id: string, i: number, reseller: boolean, advisor: boolean, kind: string): Row => {
      const rng = rngFor(o.seed, kind, i);
      return [
        id,
        `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} ${reseller ? 'Cloud Solutions' : 'Advisory'} ${i + 1}`,
        pick(rng, COUNTRIES),
        reseller ? 1 : 0,
        advisor ? 1 : 0,
        sqlDate(BASE - 365 * DAY_MS + i * 3_600_000),
      ];
    };
    const partnerRows = [
      ...plan.resellerIds.map((id, i) => partnerRow(id, i, true, i % 5 === 4, 'reseller')),
      ...plan.advisorIds.map((id, i) => partnerRow(id, i, false, true, 'advisor')),
    ];
    const PARTNER_COLUMNS = ['id', 'name', 'countryCode', 'isReseller', 'isAdvisor', 'createdAt'];
    for (let i = 0; i < partnerRows.length; i += o.batch)
      await writer.insert('partners', PARTNER_COLUMNS, partnerRows.slice(i, i + o.batch));
    const authorizations: Row[] = [];
    plan.authorised.forEach((offerIndexes, r) => {
      const rng = rngFor(o.seed, 'authorization', r);
      for (const k of [...offerIndexes].sort((a, b) => a - b)) {
        const at = BASE - 300 * DAY_MS + r * 3_600_000 + k;
        authorizations.push([uuidv7At(at, rng), plan.resellerIds[r], plan.offers[k].id, sqlDate(at)]);
      }
    });
    for (let i = 0; i < authorizations.length; i += o.batch) {
      await writer.insert('offer_authorizations', ['id', 'partnerId', 'offerId', 'createdAt'], authorizations.slice(i, i + o.batch));
    }
    await writer.commit();

    // Tenants, their reseller relationships and subscriptions, in id order (appends to every index).
    const total = o.tenants * (1 + o.subscriptionsPerTenant);
    const bar = o.quiet
      ? undefined
      : new SingleBar({
          format: 'seed:large [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
          noTTYOutput: true,
          notTTYSchedule: 5_000,
          etaBuffer: 50,
          hideCursor: true,
        });
    bar?.start(total, 0, { rate: 0 });
    const tenantsPerBatch = Math.max(1, Math.floor(o.batch / Math.max(1, o.subscriptionsPerTenant)));
    const batchesPerTransaction = 10;
    let done = 0;
    let pending: Promise<void> = Promise.resolve();
    let inTransaction = 0;
    const cohort: CohortCounter = { left: o.w5Cohort ?? W5_COHORT_DEFAULT };
    for (let start = 0; start < o.tenants; start += tenantsPerBatch) {
      const end = Math.min(o.tenants, start + tenantsPerBatch);
      const tenants: Row[] = [];
      const relationships: Row[] = [];
      const subscriptions: Row[] = [];
      for (let i = start; i < end; i++) {
        const rows = tenantRows(plan, i, cohort);
        tenants.push(rows.tenant);
        relationships.push(...rows.relationships);
        subscriptions.push(...rows.subscriptions);
      }
      // Generate the next batch while the database writes this one.
      await pending;
      const newTransaction = inTransaction === 0;
      inTransaction = (inTransaction + 1) % batchesPerTransaction;
      const commitAfter = inTransaction === 0 || end === o.tenants;
      pending = (async () => {
        if (newTransaction) await writer.begin();
        await writer.insert('tenants', TENANT_COLUMNS, tenants);
        await writer.insert('reseller_relationships', RELATIONSHIP_COLUMNS, relationships);
        for (let i = 0; i < subscriptions.length; i += o.batch) {
          await writer.insert('subscriptions', SUBSCRIPTION_COLUMNS, subscriptions.slice(i, i + o.batch));
        }
        if (commitAfter) await writer.commit();
        done += tenants.length + subscriptions.length;
        const seconds = (Date.now() - started) / 1000;
        bar?.update(done, { rate: Math.round(done / Math.max(seconds, 0.001)) });
      })();
      if (commitAfter) inTransaction = 0;
    }
    await pending;
    bar?.stop();
    const rows = {
      ...expected,
      resellerRelationships: await writer.scalar('SELECT COUNT(*) AS n FROM `reseller_relationships`'),
      offerAuthorizations: authorizations.length,
    };
    return { alreadyComplete: false, rows, seconds: (Date.now() - started) / 1000, bigResellerId: plan.resellerIds[0] };
  } finally {
    await writer.close();
  }
}

/**
 * The W5 cohort of a dataset seeded with these options: its subscriptions' ids, in tenant order, and their purchase
 * instant. Regenerated from the options alone (the seed is deterministic), without reading the database.
 */
export function w5Cohort(o: SeedOptions): { ids: string[]; purchasedAt: Date } {
  const plan = makePlan(o);
  const cohort: CohortCounter = { left: o.w5Cohort ?? W5_COHORT_DEFAULT };
  const ids: string[] = [];
  for (let i = 0; i < o.tenants && cohort.left > 0; i++) ids.push(...tenantRows(plan, i, cohort).cohortIds);
  return { ids, purchasedAt: new Date(W5_PURCHASE) };
}

function positive(name: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`--${name}`, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min) throw new ConfigError(`--${name}`, `must be at least ${min}, got ${n}`);
  return n;
}

export function parseSeedArgs(argv: string[]): SeedOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      tenants: { type: 'string' },
      'subscriptions-per-tenant': { type: 'string' },
      resellers: { type: 'string' },
      advisors: { type: 'string' },
      batch: { type: 'string' },
      seed: { type: 'string' },
      'w5-cohort': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const resellers = positive('resellers', values.resellers, 50, 1);
  const subscriptionsPerTenant = positive('subscriptions-per-tenant', values['subscriptions-per-tenant'], 10);
  if (subscriptionsPerTenant > 400) throw new ConfigError('--subscriptions-per-tenant', 'must be at most 400');
  return {
    tenants: positive('tenants', values.tenants, 10_000),
    subscriptionsPerTenant,
    resellers,
    advisors: positive('advisors', values.advisors, Math.max(2, Math.floor(resellers / 2))),
    batch: positive('batch', values.batch, 1000, 1),
    seed: positive('seed', values.seed, 1),
    w5Cohort: positive('w5-cohort', values['w5-cohort'], W5_COHORT_DEFAULT),
    quiet: values.quiet ?? false,
  };
}

if (require.main === module) {
  (async () => {
    const options = parseSeedArgs(process.argv.slice(2));
    const db = parseDatabaseUrl(process.env.DATABASE_URL);
    const where = db.kind === 'mysql' ? `${db.host}:${db.port}/${db.database}` : db.path;
    process.stdout.write(
      `seed:large → ${db.kind} ${where}: ${options.tenants} tenants × ${options.subscriptionsPerTenant} subscriptions, ${options.resellers} resellers, ${options.advisors} advisors\n`,
    );
    const result = await seedLarge(db, options, (line) => process.stdout.write(`${line}\n`));
    const rate = Math.round((options.tenants * (1 + options.subscriptionsPerTenant)) / Math.max(result.seconds, 0.001));
    process.stdout.write(
      `${result.alreadyComplete ? 'Already complete' : 'Loaded'} in ${result.seconds.toFixed(1)} s` +
        (result.alreadyComplete ? '' : ` (${rate} tenant+subscription rows/s)`) +
        `: ${JSON.stringify(result.rows)}\nThe largest reseller is ${result.bigResellerId}: npm run token -- --role PARTNER_ADMIN_AGENT --partner ${result.bigResellerId}\n`,
    );
  })().catch((error: unknown) => {
    process.stderr.write(
      `seed:large failed: ${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exit(1);
  });
}
