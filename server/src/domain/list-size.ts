/**
 * The GraphQL field extension that bounds a list which takes no `first`, for the query cost (SPEC §9): the
 * most items it can hold, or `'page'` for a connection's `edges`, which the connection's page size counts.
 */
export const LIST_SIZE = 'listSize';
export type ListSize = number | 'page';
