import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, validate, type DocumentNode, type GraphQLObjectType } from 'graphql';
import { ROOT } from './fixtures/sdk/ensure-built';

// The SDK's operations and generated enums; generated-files.nodb.test.ts checks the generated code is current.
const GENERATED = join(ROOT, 'sdk/src/generated');
const OPERATIONS = join(ROOT, 'schema/operations');

/** Operations that select a root field under another name: a page composed of several types. */
const COMPOSED = ['CustomerPage'];

const filesOf = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort();

describe('SDK code generation', () => {
  describe('operations in schema/operations', () => {
    const schema = buildSchema(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
    const documents: DocumentNode[] = filesOf(OPERATIONS)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => parse(readFileSync(join(OPERATIONS, f), 'utf8')));
    const definitions = documents.flatMap((d) => d.definitions);
    const operations = definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d] : []));
    const fragments = definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d] : []));

    it('are valid against the schema', () => {
      expect(validate(schema, { kind: Kind.DOCUMENT, definitions })).toEqual([]);
    });

    it('hold one named operation per Query and Mutation field, named after it, the composed pages and LiveEvents', () => {
      for (const [kind, type] of [
        ['query', schema.getQueryType()],
        ['mutation', schema.getMutationType()],
      ] as ['query' | 'mutation', GraphQLObjectType][]) {
        const fields = Object.keys(type.getFields()).sort();
        const covered = operations
          .filter((o) => o.operation === kind && !COMPOSED.includes(o.name?.value ?? ''))
          .map((o) => {
            const [root] = o.selectionSet.selections;
            expect(o.selectionSet.selections).toHaveLength(1);
            const field = root.kind === Kind.FIELD ? root.name.value : '?';
            expect(o.name?.value).toBe(field[0].toUpperCase() + field.slice(1));
            return field;
          })
          .sort();
        expect(covered).toEqual(fields);
      }
      // And one subscription document, LiveEvents, which client.subscribe runs.
      expect(operations.filter((o) => o.operation === 'subscription').map((o) => o.name?.value)).toEqual(['LiveEvents']);
      // SPEC §3, the webhook operations of §6, §8's four term mutations and the test clock's two operations, LiveEvents.
      expect(operations).toHaveLength(26 + 9 + 6 + COMPOSED.length + 1);
    });

    it('share selections through fragments', () => {
      expect(fragments.map((f) => f.name.value)).toEqual(
        expect.arrayContaining(['SubscriptionFields', 'TenantFields', 'PartnerFields', 'OfferFields', 'PageInfoFields']),
      );
    });
  });

  it('exports every enum of the schema, ErrorCode among them, with the values of the schema', () => {
    const schema = buildSchema(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
    const enums = readFileSync(join(GENERATED, 'schema-enums.ts'), 'utf8');
    const errorCodes = schema.getType('ErrorCode');
    expect(errorCodes).toBeDefined();
    for (const code of (errorCodes as unknown as { getValues(): { name: string }[] }).getValues()) {
      expect(enums).toContain(`'${code.name}'`);
    }
    expect(enums).toContain('export type ErrorCode = typeof ErrorCode[keyof typeof ErrorCode];');
    // ErrorCode comes only from schema-enums.ts: graphql.ts, re-exported with `export *`, must not declare it too.
    expect(readFileSync(join(GENERATED, 'graphql.ts'), 'utf8')).not.toMatch(/export (const|type) ErrorCode\b/);
  });
});
