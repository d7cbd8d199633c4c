import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';

/**
 * Issue 12: users run Node 22 or 24 LTS. `engines` says which releases are supported, and `npm install` on
 * any of them prints no engine warning: every package in the lockfile accepts the oldest release of each
 * supported line. A dependency update that wants a newer Node fails here, not on a user's machine.
 */
const root = resolve(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));

const supported: string = json('package.json').engines.node;
/** The oldest release of each supported line, e.g. 22.15.0 and 24.11.0 for "^22.15.0 || >=24.11.0". */
const oldest = new semver.Range(supported).set.map((comparators) => semver.minVersion(comparators.map(String).join(' '))!.version);

describe('supported Node releases', () => {
  it('are the LTS lines 22 and 24, and no end-of-life one', () => {
    expect(oldest.map((version) => semver.major(version))).toEqual([22, 24]);
    expect(semver.satisfies('20.19.0', supported)).toBe(false);
  });

  it('are declared alike by the server, and the SDK accepts every one of them', () => {
    expect(json('server/package.json').engines.node).toBe(supported);
    for (const version of oldest) expect(semver.satisfies(version, json('sdk/package.json').engines.node)).toBe(true);
  });

  it.each(oldest)('Node %s satisfies the engines of every installed package, so npm install warns of none', (version) => {
    const lock = json('package-lock.json') as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => {
        const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
        return range !== undefined && !semver.satisfies(version, range);
      })
      .map(([path, entry]) => `${path || '(root)'} wants node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it('include the Node of the container image', () => {
    const images = [...readFileSync(resolve(root, 'Dockerfile'), 'utf8').matchAll(/^FROM node:(\d+)-/gm)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const major of images) expect(semver.intersects(`${major}.x`, supported)).toBe(true);
  });
});
