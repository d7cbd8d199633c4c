import net from 'node:net';

/**
 * What happens to the statement a fault matches:
 * - `reset-before`: the statement is not forwarded; both sockets of its connection are destroyed (the client
 *   sees the connection lost, the server sees its client gone and rolls back an open transaction);
 * - `reset-after`: the statement is forwarded, the server's reply is swallowed, then both sockets are destroyed
 *   (a COMMIT then really commits, but the client never learns it).
 */
export type FaultKind = 'reset-before' | 'reset-after';

/** A statement the proxy saw a client send (COM_QUERY only: TypeORM's mysql driver uses the text protocol). */
export interface SeenStatement {
  /** The proxy's number for the client connection (1, 2, …, in the order they were opened). */
  connection: number;
  at: number;
  sql: string;
  /** The fault this statement fired, if any. */
  fault?: FaultKind;
}

/** A fault that fired: the statement it matched. */
export type FiredFault = SeenStatement & { fault: FaultKind };

interface PendingFault {
  sql: RegExp;
  how: FaultKind;
  fire(statement: FiredFault): void;
  cancel(reason: Error): void;
}

const COM_QUERY = 0x03;
/** A packet of this payload length is continued by the next one (a payload of 16 MiB or more). */
const MAX_PAYLOAD = 0xffffff;
/** `reset-after`: when the server has not answered within this delay, the connection is destroyed anyway. */
const SWALLOW_MS = 200;
/** Statements remembered for `log` (the oldest are forgotten first). */
const LOG_LIMIT = 2_000;

/**
 * A TCP proxy on 127.0.0.1 in front of a MySQL/MariaDB server that reads the client→server packet framing
 * (3-byte little-endian payload length, 1-byte sequence id, payload) and can inject a fault on a chosen
 * statement: a COM_QUERY (payload byte 0x03, then the SQL text) that starts a command (sequence id 0).
 * Like TcpProxy, it can also cut every connection and refuse new ones (here by not listening: ECONNREFUSED).
 *
 * Client bytes are forwarded packet by packet, once each packet is complete: a packet split across TCP
 * chunks waits for its end, several packets in one chunk are looked at one by one. Server→client bytes are
 * piped through untouched, except on a connection a `reset-after` fault has fired on.
 */
export class MysqlFaultProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly pending: PendingFault[] = [];
  private readonly seen: SeenStatement[] = [];
  private up = true;
  private opened = 0;
  private lastStatementAt = Date.now();
  port = 0;

  constructor(
    private readonly target: { host: string; port: number } = { host: '127.0.0.1', port: 3306 },
    /** Told of every statement (e.g. `console.log` while writing a spec). */
    private readonly onStatement?: (statement: SeenStatement) => void,
  ) {
    this.server = net.createServer((client) => this.accept(client));
  }

  /** Listens on 127.0.0.1, on a port the system picks (above 32767 on Linux). */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** Client connections accepted so far (refused ones, while cut, are not counted). */
  get connectionsOpened(): number {
    return this.opened;
  }

  /** Client connections open now. */
  get connectionsOpen(): number {
    let clients = 0;
    for (const socket of this.sockets) if ((socket as net.Socket & { isClient?: boolean }).isClient) clients++;
    return clients;
  }

  /** Every statement seen, oldest first (at most the last 2,000). */
  get log(): readonly SeenStatement[] {
    return this.seen;
  }

  /** The log as text, one statement a line: what a failing spec prints. */
  describeLog(last = 60): string {
    return this.seen
      .slice(-last)
      .map((s) => `#${s.connection} ${s.fault ? `[${s.fault}] ` : ''}${s.sql.length > 160 ? `${s.sql.slice(0, 160)}…` : s.sql}`)
      .join('\n');
  }

  /** Faults armed that have not fired yet. */
  get pendingFaults(): number {
    return this.pending.length;
  }

  /**
   * Arms one fault on the next statement (on any connection) whose SQL text matches `sql`; resolves with that
   * statement once the fault has fired. Faults fire in the order they were armed when several match.
   */
  failNext(sql: RegExp, how: FaultKind): Promise<FiredFault> {
    return new Promise<FiredFault>((fire, cancel) => {
      this.pending.push({ sql, how, fire, cancel });
    });
  }

  /** Disarms every fault that has not fired (their promises reject). */
  clearFaults(): void {
    for (const fault of this.pending.splice(0)) fault.cancel(new Error(`the fault ${fault.how} on ${fault.sql} never fired`));
  }

  /** Resolves once no statement has passed for `quietMs` (e.g. the server's start-up work is over). */
  async idle(quietMs = 300, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const quietFor = Date.now() - this.lastStatementAt;
      if (quietFor >= quietMs) return;
      if (Date.now() > deadline) throw new Error(`statements kept coming through the proxy for ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, quietMs - quietFor));
    }
  }

  /**
   * Destroys every connection and stops listening until `restore()`: a new connection is refused
   * (ECONNREFUSED), as by a host whose database server is down.
   */
  cut(): void {
    if (this.up && this.server.listening) this.server.close();
    this.up = false;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** Listens again, on the same port. */
  async restore(): Promise<void> {
    if (this.up) return;
    this.up = true;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** Cuts, disarms the faults left, and stops listening. */
  async close(): Promise<void> {
    const listening = this.server.listening;
    this.cut();
    this.clearFaults();
    if (listening) await new Promise((resolve) => this.server.once('close', resolve));
  }

  private accept(client: net.Socket): void {
    if (!this.up) {
      client.destroy();
      return;
    }
    const id = ++this.opened;
    const upstream = net.connect(this.target.port, this.target.host);
    Object.assign(client, { isClient: true });
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      this.sockets.add(socket);
    }
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);

    // Server → client: untouched, until a `reset-after` fault swallows the reply.
    let swallowing = false;
    upstream.on('data', (chunk: Buffer) => {
      if (swallowing) {
        close();
        return;
      }
      if (!client.destroyed) client.write(chunk);
    });

    // Client → server: complete packets, one at a time.
    let buffered: Buffer = Buffer.alloc(0);
    /** The current packet continues a payload of 16 MiB or more: not the start of a command. */
    let continuation = false;
    client.on('data', (chunk: Buffer) => {
      if (closed || swallowing) return;
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      let offset = 0;
      while (buffered.length - offset >= 4) {
        const length = buffered.readUIntLE(offset, 3);
        const sequence = buffered[offset + 3];
        const end = offset + 4 + length;
        if (buffered.length < end) break;
        const startsCommand = !continuation && sequence === 0 && length > 0 && buffered[offset + 4] === COM_QUERY;
        continuation = length === MAX_PAYLOAD;
        if (startsCommand) {
          const sql = buffered.toString('utf8', offset + 5, end).trim();
          const statement: SeenStatement = { connection: id, at: Date.now(), sql };
          this.lastStatementAt = statement.at;
          const index = this.pending.findIndex((fault) => {
            fault.sql.lastIndex = 0; // a /g or /y expression starts over each time
            return fault.sql.test(sql);
          });
          const fault = index >= 0 ? this.pending.splice(index, 1)[0] : undefined;
          if (fault) statement.fault = fault.how;
          this.remember(statement);
          if (fault?.how === 'reset-before') {
            // Everything before this statement goes; the statement and whatever follows it do not.
            if (offset > 0) upstream.write(buffered.subarray(0, offset));
            buffered = Buffer.alloc(0);
            close();
            fault.fire(statement as FiredFault);
            return;
          }
          if (fault?.how === 'reset-after') {
            // The statement goes (with what came before it); nothing after it, and the reply is swallowed.
            swallowing = true;
            upstream.write(buffered.subarray(0, end));
            buffered = Buffer.alloc(0);
            setTimeout(close, SWALLOW_MS).unref();
            fault.fire(statement as FiredFault);
            return;
          }
        }
        offset = end;
      }
      if (offset > 0) upstream.write(buffered.subarray(0, offset));
      // Keep only the start of an incomplete packet (a copy, not a view of the whole chunk).
      buffered = offset === buffered.length ? Buffer.alloc(0) : Buffer.from(buffered.subarray(offset));
    });
  }

  private remember(statement: SeenStatement): void {
    this.seen.push(statement);
    if (this.seen.length > LOG_LIMIT) this.seen.splice(0, this.seen.length - LOG_LIMIT);
    this.onStatement?.(statement);
  }
}
