/** The part of a Relay connection `paginate` reads. */
export interface ConnectionPage<TNode> {
  edges: ReadonlyArray<{ node: TNode }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Iterates every node of a connection, fetching one page at a time as the loop consumes them.
 *
 * ```ts
 * for await (const customer of paginate(
 *   (after) => client.customers({ first: 50, after }),
 *   (data) => data.customers,
 * )) {
 *   console.log(customer.name);
 * }
 * ```
 *
 * @param fetchPage fetches the page after the given cursor (`undefined` for the first page).
 * @param selectConnection picks the connection out of the operation's data.
 */
export async function* paginate<TData, TNode>(
  fetchPage: (after: string | undefined) => Promise<TData>,
  selectConnection: (data: TData) => ConnectionPage<TNode>,
): AsyncGenerator<TNode, void, undefined> {
  let after: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const connection = selectConnection(await fetchPage(after));
    for (const edge of connection.edges) yield edge.node;
    if (!connection.pageInfo.hasNextPage) return;
    const next = connection.pageInfo.endCursor;
    if (!next || seen.has(next)) {
      throw new Error('paginate: the connection says more pages follow but gave no new endCursor; stopping to avoid a loop.');
    }
    seen.add(next);
    after = next;
  }
}
