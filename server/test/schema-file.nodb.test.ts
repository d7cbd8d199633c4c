import { printTenantrySchema } from '../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('names every operation of SPEC §3 and describes every type and field', async () => {
    const sdl = await printTenantrySchema();
    const operations = [
      'viewer',
      'tenant',
      'tenants',
      'customers',
      'subscription',
      'subscriptions',
      'offers',
      'partner',
      'verifyPartnerId',
      'quoteSubscription',
      'auditEvents',
      'purchaseSubscription',
      'setPartnerOfRecord',
      'changeLicenseQuantity',
      'suspendSubscription',
      'reactivateSubscription',
      'createCustomer',
      'createResellerInvitation',
      'acceptResellerInvitation',
      'removeResellerRelationship',
      'removeAdvisorRelationship',
      'createTenant',
      'createPartner',
      'createOffer',
      'authorizeOffer',
      'revokeOfferAuthorization',
    ];
    for (const name of operations) expect(sdl).toMatch(new RegExp(`\\n  ${name}\\(|\\n  ${name}: `));
    const { buildSchema } = await import('graphql');
    const schema = buildSchema(sdl);
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
