/**
 * docs/architecture.md, as a check: every import in server/src points to the file's own layer or a lower
 * one. A new folder must be given a rank here (and in the document) before it can hold code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../src');

/** The ranks of docs/architecture.md: a file may import from its own rank or a lower one. */
const RANK: Partial<Record<string, number>> = {
  'main.ts': 6,
  'serve.ts': 6,
  'tracing.ts': 6,
  'app.ts': 6,
  'logger.ts': 6,
  'start-failure.ts': 6,
  scripts: 6,
  seed: 6,
  http: 5,
  explorer: 5,
  resolvers: 4,
  graphql: 4,
  services: 3,
  auth: 2,
  db: 1,
  migrations: 1,
  entities: 0,
  domain: 0,
  'config.ts': 0,
  'redact.ts': 0,
  'metrics.ts': 0,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The layer of a path under server/src (an import may omit `.ts`: `../config` is config.ts). */
function rankOf(path: string): number | undefined {
  const first = relative(SRC, path).split('/')[0];
  return RANK[first] ?? RANK[`${first}.ts`];
}
const layerOf = (file: string) => relative(SRC, file).split('/')[0];

/** Relative imports (static, dynamic and type-only) of one file, resolved to paths under server/src. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import\(|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((specifier) => resolve(dirname(file), specifier));
}

describe('layers (docs/architecture.md)', () => {
  const files = filesUnder(SRC);

  it('gives every top-level folder and file of server/src a rank', () => {
    const unranked = [...new Set(files.map(layerOf))].filter((layer) => RANK[layer] === undefined);
    expect(unranked).toEqual([]);
  });

  it('has no import from a lower layer to a higher one', () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(SRC) && rankOf(target)! > rankOf(file)!)
        .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps services/ to one file per aggregate, with the machinery of a capability in its own folder', () => {
    const services = join(SRC, 'services');
    const loose = readdirSync(services, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !/^(?:[a-z-]+\.service|index)\.ts$/.test(entry.name))
      .map((entry) => entry.name);
    expect(loose).toEqual([]);
    const folders = readdirSync(services, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).sort()).toEqual(['live-events', 'webhook-delivery']);
  });
});
