import { promises as dns, type LookupAddress } from 'node:dns';

/**
 * Answers dns.promises.lookup for the names given (as a resolver would, with these addresses) and leaves every
 * other name to the real resolver. The server runs in the spec's process, so its save-time check and its
 * attempts see these answers: a spec can give a name any address without a DNS server. Returns the undo.
 */
export function fakeDns(answers: Partial<Record<string, string[]>>): () => void {
  const real = dns.lookup.bind(dns);
  const spy = jest.spyOn(dns, 'lookup').mockImplementation((async (hostname: string, options?: unknown) => {
    const addresses = answers[hostname.toLowerCase()];
    if (addresses === undefined) return real(hostname, options as never);
    const all: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    return (options as { all?: boolean } | undefined)?.all ? all : all[0];
  }) as typeof dns.lookup);
  return () => spy.mockRestore();
}
