import net from 'node:net';

// A TCP relay between an app server and PostgreSQL that can be cut: every open connection is
// dropped and new ones are accepted but never answered, as when a database host hangs or its
// network goes. freeze() instead keeps every connection open and carries no byte either way, as a
// PostgreSQL stopped with SIGSTOP does (without stopping the server other tests share). restore()
// lets connections through again. The app cannot tell either from an outage.

export type PgRelay = { url: string; cut: () => void; freeze: () => void; restore: () => void; close: () => Promise<void> };

export async function startPgRelay(databaseUrl: string): Promise<PgRelay> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let down = false;
  let frozen = false;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client)).on('error', () => client.destroy());
    if (down || frozen) return; // accepted, never answered: a hanging database
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: Object.assign(new URL(databaseUrl), { hostname: '127.0.0.1', port: String(port) }).toString(),
    cut: () => {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    freeze: () => {
      frozen = true;
      // Bytes already sent wait in the relay, unread, as in a stopped process's socket buffers.
      for (const socket of sockets) socket.pause();
    },
    restore: () => {
      down = false;
      if (frozen) {
        frozen = false;
        for (const socket of sockets) socket.resume();
        return;
      }
      // Connections that arrived while it was down were never answered: drop them, the app retries.
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
