import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { bash, ROOT } from './support/shell';
import { startServer, type RunningServer } from './support/real-server';
import { ifSetUp } from './support/set-up';

/**
 * Issue 12: the README's walkthroughs work as written. Every fenced block marked `<!-- walkthrough -->` is
 * run, in order, in one bash session from the repository root (real `npm run -s token`, real curl, real
 * Node) against the server started as `npm start` starts it, on fresh demo data. A curl placed first on
 * PATH records every answer on its way to the README's commands; each must carry data and no errors.
 */
const README_URL = 'http://127.0.0.1:4000/graphql';

/** The walkthrough blocks of a Markdown text, in order. */
function walkthroughBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/<!-- walkthrough -->\n```(?:bash|sh)\n([\s\S]*?)\n```/g)].map((m) => m[1]);
}

describe('the README walkthroughs', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tenantry-readme-'));
    server = await startServer({ DATABASE_URL: `sqlite:${join(dir, 'tenantry.sqlite')}`, PORT: '0', LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await ifSetUp(server)?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('run in order on the demo data, and every answer has data and no errors', async () => {
    const blocks = walkthroughBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    const walkthrough = blocks.join('\n');
    expect(walkthrough).toContain(README_URL);
    const script = `set -euo pipefail\n${walkthrough.split(README_URL).join(server.url)}`;
    expect(script).not.toMatch(/:4000\b/);

    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const realCurl = execFileSync('bash', ['-c', 'command -v curl'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(bin, 'curl'),
      `#!/usr/bin/env bash\nanswer=$('${realCurl}' "$@") || exit $?\nprintf '%s\\n' "$answer" >> "$ANSWERS"\nprintf '%s\\n' "$answer"\n`,
    );
    chmodSync(join(bin, 'curl'), 0o755);
    const answersFile = join(dir, 'answers.jsonl');
    writeFileSync(answersFile, '');

    const { code, stdout, stderr } = await bash(script, { PATH: `${bin}:${process.env.PATH}`, ANSWERS: answersFile }, 300_000);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });

    const answers = readFileSync(answersFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const calls = (walkthrough.match(/\bgql <</g) ?? []).length + (walkthrough.match(/^curl /gm) ?? []).length;
    expect(answers).toHaveLength(calls);
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(expect.any(Object));
    }
    expect(stdout).toContain('"viewer"');

    // What each side of the README promises it did, read from the answers.
    const answered = new Set(answers.flatMap((answer) => Object.keys(answer.data)));
    for (const operation of [
      'viewer',
      'tenants',
      'tenant',
      'tailspin',
      'setPartnerOfRecord',
      'removeAdvisorRelationship',
      'customers',
      'subscriptions',
      'changeLicenseQuantity',
      'suspendSubscription',
      'reactivateSubscription',
      'offers',
      'quoteSubscription',
      'purchaseSubscription',
    ]) {
      expect(answered).toContain(operation);
    }
    const purchases = answers.filter((answer) => answer.data.purchaseSubscription).map((a) => a.data.purchaseSubscription.subscription);
    // The keyed purchase sent twice buys once; then the terms walkthrough buys one more.
    expect(purchases).toHaveLength(3);
    expect(purchases[1]).toEqual(purchases[0]);
    expect(purchases[2].id).not.toBe(purchases[0].id);
    // Purchase, scheduled change, two renewals, auto-renewal off, expiry: version 6, expired as its third term ended.
    const last = answers[answers.length - 1].data;
    expect(last.subscription).toMatchObject({ status: 'EXPIRED', expiredAt: last.subscription.termEndsAt, version: 6 });
    // Newest first: its expiry, beside the notices the same sweep wrote for Adatum's other subscriptions.
    const newest = last.auditEvents.edges.map((e: { node: { action: string; targetId: string } }) => e.node);
    expect(newest).toContainEqual(expect.objectContaining({ action: 'subscription.expired', targetId: purchases[2].id }));
    const relationships = answers.find((answer) => answer.data.removeAdvisorRelationship).data.removeAdvisorRelationship;
    expect(relationships.tenant.partnerRelationships).toEqual([{ kinds: ['ADVISOR'], partner: { name: 'Tailspin Partners' } }]);
  }, 360_000);
});
