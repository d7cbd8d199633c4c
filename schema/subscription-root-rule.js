/**
 * A graphql-inspector rule for `npm run schema:check`. graphql-tools, with which graphql-inspector loads schema
 * files, takes a type named `Subscription` for the subscription root when the file's `schema { … }` block
 * names none: schema/released.graphql (query and mutation roots only) seems to have our domain type
 * `Subscription` as its root. Gaining the `LiveUpdates` root (SPEC §6) is an addition, not a change of root.
 */
module.exports = ({ changes, oldSchema, newSchema }) => {
  const oldRoot = oldSchema.getSubscriptionType();
  const domainTypeTakenForRoot =
    oldRoot?.name === 'Subscription' &&
    newSchema.getType('Subscription') !== undefined &&
    newSchema.getSubscriptionType()?.name !== 'Subscription';
  return domainTypeTakenForRoot ? changes.filter((change) => change.type !== 'SCHEMA_SUBSCRIPTION_TYPE_CHANGED') : changes;
};
