'use strict';
/**
 * L1: the raw baseline. node:http and the raw driver (mysql2 / better-sqlite3) with the minimal SQL that
 * produces the same JSON as Tenantry for the three workloads, including the same scope rules (the caller
 * is a reseller: it reads its customers' subscriptions and those it advises; it changes only what it
 * sold) and, for W3, the same durable effects (conditional update, version bump and audit event in one
 * transaction). No GraphQL, no ORM, no token verification: the caller's Partner ID comes in a header.
 *
 * Requests are Tenantry's own bodies ({ query, operationName, variables }); operationName picks the handler.
 */
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { encodeCursor, openRaw, parseDatabaseUrl, placeholders } = require('./lib');

const db = parseDatabaseUrl(process.env.DATABASE_URL);
const POOL_SIZE = 20; // what Tenantry's TypeORM pool uses

async function main() {
  const raw = await openRaw(db, { poolSize: POOL_SIZE });

  async function customerPage(partnerId, after) {
    const tenants = await raw.all(
      'SELECT t.id, t.name, t.domain FROM `tenants` t INNER JOIN `reseller_relationships` r ON r.tenantId = t.id AND r.partnerId = ? ' +
        'WHERE r.tenantId > ? ORDER BY r.tenantId LIMIT 51',
      [partnerId, after ?? ''],
    );
    const page = tenants.slice(0, 50);
    const byTenant = new Map(page.map((t) => [t.id, []]));
    if (page.length) {
      const subs = await raw.all(
        'SELECT x.id, x.tenantId, x.quantity, x.status, x.channel, x.offerName, x.porName FROM (' +
          'SELECT s.id, s.tenantId, s.quantity, s.status, s.channel, o.name AS offerName, p.name AS porName, ' +
          'ROW_NUMBER() OVER (PARTITION BY s.tenantId ORDER BY s.id) AS rn FROM `subscriptions` s ' +
          'INNER JOIN `offers` o ON o.id = s.offerId LEFT JOIN `partners` p ON p.id = s.partnerOfRecordId ' +
          `WHERE s.tenantId IN (${placeholders(page.length)})) x WHERE x.rn <= 20 ORDER BY x.tenantId, x.id`,
        page.map((t) => t.id),
      );
      for (const s of subs) {
        byTenant.get(s.tenantId).push({
          node: {
            id: s.id,
            quantity: s.quantity,
            status: s.status,
            channel: s.channel,
            offer: { name: s.offerName },
            partnerOfRecord: s.porName === null ? null : { name: s.porName },
          },
        });
      }
    }
    return {
      data: {
        customers: {
          pageInfo: { hasNextPage: tenants.length > 50, endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null },
          edges: page.map((t) => ({
            cursor: encodeCursor(t.id),
            node: { id: t.id, name: t.name, domain: t.domain, subscriptions: { edges: byTenant.get(t.id) } },
          })),
        },
      },
    };
  }

  async function subscription(partnerId, id) {
    const rows = await raw.all(
      'SELECT s.id, s.quantity, s.status, s.channel, s.version, o.name AS offerName, p.name AS porName FROM `subscriptions` s ' +
        'INNER JOIN `offers` o ON o.id = s.offerId LEFT JOIN `partners` p ON p.id = s.partnerOfRecordId WHERE s.id = ? AND ' +
        '(s.partnerOfRecordId = ? OR EXISTS (SELECT 1 FROM `reseller_relationships` r WHERE r.tenantId = s.tenantId AND r.partnerId = ?))',
      [id, partnerId, partnerId],
    );
    if (!rows.length) return notFound(`Subscription "${id}" was not found.`);
    const s = rows[0];
    return {
      data: {
        subscription: {
          id: s.id,
          quantity: s.quantity,
          status: s.status,
          channel: s.channel,
          version: s.version,
          offer: { name: s.offerName },
          partnerOfRecord: s.porName === null ? null : { name: s.porName },
        },
      },
    };
  }

  const SELECT_FOR_CHANGE =
    'SELECT s.id, s.tenantId, s.status, s.resellerId, s.version, o.minQuantity, o.maxQuantity FROM `subscriptions` s ' +
    'INNER JOIN `offers` o ON o.id = s.offerId WHERE s.id = ?';
  const UPDATE = 'UPDATE `subscriptions` SET quantity = ?, version = version + 1, updatedAt = ? WHERE id = ? AND version = ?';
  const AUDIT =
    'INSERT INTO `audit_events` (id, at, actorSubject, actorRoles, actorTenantId, actorPartnerId, action, targetType, targetId, tenantId, `before`, `after`, requestId) ' +
    "VALUES (?, ?, 'bench-l1', '[\"PARTNER_ADMIN_AGENT\"]', NULL, ?, 'subscription.quantityChanged', 'Subscription', ?, ?, ?, ?, ?)";

  const refuse = (current, partnerId, quantity) => {
    if (!current) return notFound('Subscription was not found.');
    if (current.resellerId !== partnerId) return error('FORBIDDEN', 'Only the selling reseller can change this subscription.');
    if (current.status !== 'ACTIVE') return error('FAILED_PRECONDITION', 'The subscription is not active.');
    if (quantity < current.minQuantity || quantity > current.maxQuantity) return error('QUANTITY_OUT_OF_RANGE', 'Quantity out of range.');
    return null;
  };
  const changed = (id, quantity, version) => ({ data: { changeLicenseQuantity: { subscription: { id, quantity, version } } } });
  const sqlNow = () => new Date().toISOString().replace('T', ' ').replace('Z', '');

  async function changeQuantity(partnerId, id, quantity) {
    if (raw.kind === 'sqlite') {
      const select = raw.prepare(SELECT_FOR_CHANGE);
      const update = raw.prepare(UPDATE);
      const audit = raw.prepare(AUDIT);
      return raw.sqlite
        .transaction(() => {
          const current = select.get(id);
          const refused = refuse(current, partnerId, quantity);
          if (refused) return refused;
          const now = sqlNow();
          update.run(quantity, now, id, current.version);
          audit.run(
            randomUUID(),
            now,
            partnerId,
            id,
            current.tenantId,
            JSON.stringify({ version: current.version }),
            JSON.stringify({ quantity, version: current.version + 1 }),
            randomUUID(),
          );
          return changed(id, quantity, current.version + 1);
        })
        .immediate();
    }
    const connection = await raw.pool.getConnection();
    try {
      await connection.query('START TRANSACTION');
      const [[current]] = await connection.query(`${SELECT_FOR_CHANGE} FOR UPDATE`, [id]);
      const refused = refuse(current, partnerId, quantity);
      if (refused) {
        await connection.query('ROLLBACK');
        return refused;
      }
      const now = sqlNow();
      await connection.query(UPDATE, [quantity, now, id, current.version]);
      await connection.query(AUDIT, [
        randomUUID(),
        now,
        partnerId,
        id,
        current.tenantId,
        JSON.stringify({ version: current.version }),
        JSON.stringify({ quantity, version: current.version + 1 }),
        randomUUID(),
      ]);
      await connection.query('COMMIT');
      return changed(id, quantity, current.version + 1);
    } catch (e) {
      await connection.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      connection.release();
    }
  }

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      let result;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const partnerId = String(req.headers['x-partner-id'] ?? '');
        const v = body.variables ?? {};
        switch (body.operationName) {
          case 'CustomerPage':
            result = await customerPage(partnerId, v.after ? Buffer.from(v.after, 'base64url').toString('utf8').slice(2) : null);
            break;
          case 'Subscription':
            result = await subscription(partnerId, v.id);
            break;
          case 'ChangeQuantity':
            result = await changeQuantity(partnerId, v.input.subscriptionId, v.input.quantity);
            break;
          default:
            result = error('BAD_USER_INPUT', `Unknown operation ${body.operationName}`);
        }
      } catch (e) {
        result = error('INTERNAL_SERVER_ERROR', String(e && e.message));
      }
      const json = JSON.stringify(result) + '\n';
      res.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`L1 listening on ${process.env.PORT}\n`));
  process.on('SIGTERM', () => server.close(() => raw.close().then(() => process.exit(0))));
}

function error(code, message) {
  return { errors: [{ message, extensions: { code } }], data: null };
}
const notFound = (message) => error('NOT_FOUND', message);

main().catch((e) => {
  process.stderr.write(`L1 failed: ${e.stack}\n`);
  process.exit(1);
});
