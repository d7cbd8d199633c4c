import WebSocket from 'ws';
import { Role, startTestServer, type TestServer } from './support/harness';
import { liveSubscriptions, wsUrlOf } from './support/live';
import { ifSetUp } from './support/set-up';

/**
 * SPEC §9: completing or ending a live subscription frees its place at once, whatever the timing of a new
 * `subscribe` that reuses its id. Spoken in the raw protocol (graphql-transport-ws), because clients such as
 * graphql-ws never reuse an id, but a client may.
 */
const MAX = 3;
const EVENTS = 'subscription { events { id } }';

/** A socket past connection_ack, with every message it receives, parsed. */
async function open(server: TestServer, subject: string) {
  const token = await server.token(Role.PLATFORM_ADMIN, { subject });
  const socket = new WebSocket(wsUrlOf(server.url), 'graphql-transport-ws');
  const messages: { type: string; id?: string; payload?: unknown }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    const check = () => (messages.some((m) => m.type === 'connection_ack') ? resolve() : setTimeout(check, 5));
    check();
  });
  const send = (message: Record<string, unknown>) => socket.send(JSON.stringify(message));
  return {
    messages,
    subscribe: (id: string) => send({ type: 'subscribe', id, payload: { query: EVENTS } }),
    complete: (id: string) => send({ type: 'complete', id }),
    close: () =>
      new Promise<void>((resolve) =>
        socket.readyState === WebSocket.CLOSED ? resolve() : (socket.once('close', () => resolve()), socket.close(1000)),
      ),
  };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('live subscription places', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { WS_MAX_SUBSCRIPTIONS_PER_CALLER: String(MAX) } });
  });
  afterAll(() => ifSetUp(server)?.stop());

  it.each([
    ['complete then subscribe the same id at once', (c: Awaited<ReturnType<typeof open>>) => (c.complete('x'), c.subscribe('x'))],
    [
      'subscribe the same id twice in a row after a complete',
      (c: Awaited<ReturnType<typeof open>>) => (c.complete('x'), c.subscribe('x'), c.complete('x'), c.subscribe('x')),
    ],
  ])('%s, 25 times: no place leaks, and the caller can hold all its places again', async (_name, cycle) => {
    const caller = `reuser-${Math.random()}`;
    const connection = await open(server, caller);
    connection.subscribe('x');
    for (let i = 0; i < 25; i++) cycle(connection);
    connection.complete('x');
    await until(async () => (await liveSubscriptions(server)) === 0, 'every place to be freed');
    // A fresh connection of the same caller holds all MAX places again, and one more is refused.
    const fresh = await open(server, caller);
    for (let i = 1; i <= MAX; i++) fresh.subscribe(`s${i}`);
    await until(async () => (await liveSubscriptions(server)) === MAX, `${MAX} live subscriptions`);
    fresh.subscribe('one-too-many');
    await until(() => fresh.messages.some((m) => m.id === 'one-too-many'), 'an answer to the extra subscribe');
    const refusal = fresh.messages.find((m) => m.id === 'one-too-many')!;
    expect(refusal).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect(fresh.messages.filter((m) => m.type === 'error' && m.id !== 'one-too-many')).toEqual([]);
    await Promise.all([connection.close(), fresh.close()]);
    await until(async () => (await liveSubscriptions(server)) === 0, 'the sockets to be let go');
  });
});
