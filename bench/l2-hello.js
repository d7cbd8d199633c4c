'use strict';
/** L2: Apollo Server 5's hello world (startStandaloneServer), the floor cost of a GraphQL request. */
const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');

(async () => {
  const server = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
  process.stdout.write(`L2 listening at ${url}\n`);
  process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
})();
