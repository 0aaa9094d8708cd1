import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * - `open`: bytes flow both ways.
 * - `reset`: the database is gone: every connection is reset, new ones are reset on arrival.
 * - `blackhole`: the network drops everything: connections stay open but nothing flows either way
 *   (queries in flight never get an answer, new connections never complete their handshake) until
 *   the proxy is opened again, when the held bytes flow on as TCP would deliver them.
 */
export type ProxyMode = 'open' | 'reset' | 'blackhole';

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
}

/**
 * A TCP proxy on loopback between an ORM and PostgreSQL, to make the database unreachable and
 * reachable again without touching the shared server.
 */
export class TcpProxy {
  private readonly server: Server;
  private readonly pairs = new Set<Pair>();
  private mode: ProxyMode = 'open';
  /** Connections accepted so far. */
  accepted = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => {
      this.accept(client);
    });
  }

  /** Starts listening on an ephemeral loopback port; resolves to it. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  get currentMode(): ProxyMode {
    return this.mode;
  }

  /** Switches mode; `reset` resets every open connection at once. */
  set(mode: ProxyMode): void {
    this.mode = mode;
    for (const pair of this.pairs) {
      if (mode === 'reset') {
        this.drop(pair);
      } else if (mode === 'blackhole') {
        pair.client.pause();
        pair.upstream?.pause();
      } else {
        pair.upstream ??= this.link(pair);
        pair.client.resume();
        pair.upstream.resume();
      }
    }
  }

  /** Resets every connection and stops listening. */
  async close(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private accept(client: Socket): void {
    this.accepted += 1;
    client.on('error', () => undefined);
    if (this.mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: undefined };
    this.pairs.add(pair);
    client.on('close', () => {
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    });
    if (this.mode === 'blackhole') {
      // Like a SYN that gets no answer: the handshake waits until the network comes back.
      client.pause();
      return;
    }
    pair.upstream = this.link(pair);
  }

  private link(pair: Pair): Socket {
    const upstream = connect(this.target.port, this.target.host);
    upstream.on('error', () => pair.client.destroy());
    upstream.on('close', () => pair.client.destroy());
    // pipe() respects pause(): while the proxy is a black hole, bytes wait in the socket buffers.
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
    return upstream;
  }

  private drop(pair: Pair): void {
    pair.client.resetAndDestroy();
    pair.upstream?.destroy();
    this.pairs.delete(pair);
  }
}
