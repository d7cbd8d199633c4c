import { Client as UrqlClient, cacheExchange, fetchExchange } from '@urql/core';
import { GraphQLClient, ClientError } from 'graphql-request';
import type { GraphQLFormattedError } from 'graphql';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { expectNothingChanged, ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type World } from './support/world';

/**
 * Issue 12, the frontend developer: three popular GraphQL clients, set up as their documentation says, work
 * against the server out of the box — a query with variables, a mutation, and a refusal whose
 * `extensions.code` each client exposes. urql sends queries as GET without a content type; the bearer token
 * (which browsers preflight) is what lets them past CSRF prevention.
 */
const CUSTOMERS = `query Customers($search: String, $first: Int) {
  customers(search: $search, first: $first) { totalCount edges { node { id name domain } } }
}`;
const PURCHASE = `mutation Purchase($input: PurchaseSubscriptionInput!) {
  purchaseSubscription(input: $input) { subscription { id quantity status channel offer { sku } } }
}`;

interface CustomersData {
  customers: { totalCount: number; edges: { node: { id: string; name: string; domain: string } }[] };
}
interface PurchaseData {
  purchaseSubscription: { subscription: { id: string; quantity: number; status: string; channel: string; offer: { sku: string } } };
}

describe('popular GraphQL clients against the running server', () => {
  let server: TestServer;
  let world: World;
  /** The HTTP method of every request the clients sent: fetch itself, observed on its way out. */
  const methods: string[] = [];
  const observedFetch: typeof fetch = (input, init) => {
    methods.push((init?.method ?? 'GET').toUpperCase());
    return fetch(input, init);
  };

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    methods.length = 0;
  });

  /** What each client must do, given a customer of the reseller to search for and buy for. */
  async function subscriptionsOf(tenantId: string): Promise<{ quantity: number }[]> {
    const read = await server.gql<{ subscriptions: { edges: { node: { quantity: number } }[] } }>(
      `query($t: ID!) { subscriptions(tenantId: $t) { edges { node { quantity } } } }`,
      { t: tenantId },
      world.tokens.resellerAdmin,
    );
    return ok(read).subscriptions.edges.map((e) => e.node);
  }

  it('@urql/core: a GET query with variables, a mutation, and a refusal in CombinedError.graphQLErrors', async () => {
    const customer = await kitFor(server).createCustomer(world.tokens.resellerAdmin, 'urql');
    const client = new UrqlClient({
      url: server.url,
      exchanges: [cacheExchange, fetchExchange],
      fetch: observedFetch,
      fetchOptions: () => ({ headers: { authorization: `Bearer ${world.tokens.resellerAdmin}` } }),
    });

    const found = await client.query<CustomersData>(CUSTOMERS, { search: customer.domain, first: 5 }).toPromise();
    expect(found.error).toBeUndefined();
    // urql's document cache adds __typename to every selection.
    expect(found.data?.customers.edges.map((e) => e.node)).toEqual([
      { __typename: 'Tenant', id: customer.id, name: 'urql', domain: customer.domain },
    ]);
    expect(methods).toEqual(['GET']);

    const bought = await client
      .mutation<PurchaseData>(PURCHASE, { input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 3 } })
      .toPromise();
    expect(bought.error).toBeUndefined();
    expect(bought.data?.purchaseSubscription.subscription).toMatchObject({
      quantity: 3,
      status: 'ACTIVE',
      channel: 'RESELLER',
      offer: { sku: 'BASIC' },
    });
    expect(methods).toEqual(['GET', 'POST']);

    await expectNothingChanged(server, async () => {
      const refused = await client
        .mutation<PurchaseData>(PURCHASE, { input: { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 301 } })
        .toPromise();
      expect(refused.data?.purchaseSubscription ?? null).toBeNull();
      expect(refused.error?.graphQLErrors[0].extensions.code).toBe('QUANTITY_OUT_OF_RANGE');
      expect(refused.error?.graphQLErrors[0].message).toBe('PREMIUM allows 5 to 300 licences; 301 is outside that range.');
    });
    expect(await subscriptionsOf(customer.id)).toEqual([{ quantity: 3 }]);
  });

  it('graphql-request: a query with variables, a mutation, and a refusal in ClientError.response.errors', async () => {
    const customer = await kitFor(server).createCustomer(world.tokens.resellerAdmin, 'graphql-request');
    const client = new GraphQLClient(server.url, {
      fetch: observedFetch,
      headers: { authorization: `Bearer ${world.tokens.resellerAdmin}` },
    });

    const found = await client.request<CustomersData>(CUSTOMERS, { search: customer.domain, first: 5 });
    expect(found.customers.edges.map((e) => e.node)).toEqual([{ id: customer.id, name: 'graphql-request', domain: customer.domain }]);

    const bought = await client.request<PurchaseData>(PURCHASE, {
      input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 4 },
    });
    expect(bought.purchaseSubscription.subscription).toMatchObject({ quantity: 4, status: 'ACTIVE', channel: 'RESELLER' });

    await expectNothingChanged(server, async () => {
      const error = await client
        .request<PurchaseData>(PURCHASE, { input: { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 301 } })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ClientError);
      // Errors as they come over the wire: extensions is optional in a GraphQL error.
      const errors: readonly GraphQLFormattedError[] | undefined = (error as ClientError).response.errors;
      expect(errors?.[0].extensions?.code).toBe('QUANTITY_OUT_OF_RANGE');
    });
    expect(await subscriptionsOf(customer.id)).toEqual([{ quantity: 4 }]);
    expect(methods).toEqual(['POST', 'POST', 'POST']);
  });

  it('@apollo/client (core): a query with variables, a mutation, and a refusal in CombinedGraphQLErrors', async () => {
    const customer = await kitFor(server).createCustomer(world.tokens.resellerAdmin, 'apollo-client');
    const client = new ApolloClient({
      link: new HttpLink({ uri: server.url, fetch: observedFetch, headers: { authorization: `Bearer ${world.tokens.resellerAdmin}` } }),
      cache: new InMemoryCache(),
    });
    try {
      const found = await client.query<CustomersData>({ query: gql(CUSTOMERS), variables: { search: customer.domain, first: 5 } });
      expect(found.data?.customers.edges.map(({ node }) => ({ id: node.id, name: node.name, domain: node.domain }))).toEqual([
        { id: customer.id, name: 'apollo-client', domain: customer.domain },
      ]);

      const bought = await client.mutate<PurchaseData>({
        mutation: gql(PURCHASE),
        variables: { input: { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 5 } },
      });
      expect(bought.data?.purchaseSubscription.subscription).toMatchObject({ quantity: 5, status: 'ACTIVE', channel: 'RESELLER' });

      await expectNothingChanged(server, async () => {
        const error = await client
          .mutate<PurchaseData>({
            mutation: gql(PURCHASE),
            variables: { input: { tenantId: customer.id, offerId: world.offers.premium.id, quantity: 301 } },
          })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(CombinedGraphQLErrors.is(error)).toBe(true);
        expect((error as CombinedGraphQLErrors).errors[0].extensions?.code).toBe('QUANTITY_OUT_OF_RANGE');
      });
      expect(await subscriptionsOf(customer.id)).toEqual([{ quantity: 5 }]);
      expect(methods).toEqual(['POST', 'POST', 'POST']);
    } finally {
      client.stop();
    }
  });
});
