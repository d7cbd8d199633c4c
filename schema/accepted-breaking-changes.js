/**
 * A graphql-inspector rule for `npm run schema:check`: the breaking changes made on purpose since
 * schema/released.graphql, each with its reason. They are reported as dangerous instead of failing the check;
 * anything else that breaks still fails. The list empties when released.graphql is replaced at a release, and
 * each entry is in that release's notes (README, "Changing the schema without breaking integrators").
 */
const ACCEPTED = [
  {
    type: 'FIELD_TYPE_CHANGED',
    path: 'SubscriptionQuote.monthlyTotalCents',
    reason:
      'Int! could not hold a quote past 2³¹ − 1 cents, which the API answered with INTERNAL_SERVER_ERROR although the purchase succeeded; ' +
      'SafeInt! (up to 2⁵³ − 1) is still a JSON number and still `number` in @tenantry/sdk (SPEC §9, Money).',
  },
];

module.exports = ({ changes }) =>
  changes.map((change) => {
    const accepted = ACCEPTED.find((a) => a.type === change.type && a.path === change.path);
    if (!accepted || change.criticality.level !== 'BREAKING') return change;
    return {
      ...change,
      criticality: { ...change.criticality, level: 'DANGEROUS', reason: accepted.reason },
      message: `${change.message} (accepted: ${accepted.reason})`,
    };
  });

module.exports.ACCEPTED = ACCEPTED;
