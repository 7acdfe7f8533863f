import net from 'node:net';

// A TCP relay between the app and PostgreSQL that counts the statements the app sends, read from
// the wire protocol: each Execute ('E') of the extended protocol and each simple Query ('Q').
// Connections of the job queue (application_name "pgboss") are relayed but not counted, so the
// figure is what rendering a page costs. Independent of the app's code: nothing is instrumented.

export type QueryCounter = { port: number; count: () => number; close: () => Promise<void> };

export async function startQueryCounter(target: { host: string; port: number }): Promise<QueryCounter> {
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let started = false;
    let counted = true;
    let buffer = Buffer.alloc(0);
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      while (true) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          // SSLRequest / GSSENCRequest come first and are answered with one byte; the real start-up follows.
          if (code !== 80877103 && code !== 80877104) {
            started = true;
            const params = buffer.subarray(8, length).toString('utf8').split('\u0000');
            const app = params[params.indexOf('application_name') + 1];
            counted = params.indexOf('application_name') === -1 || app !== 'pgboss';
          }
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) return;
        const type = String.fromCharCode(buffer[0]!);
        if (counted && (type === 'E' || type === 'Q')) statements += 1;
        buffer = buffer.subarray(length + 1);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    count: () => statements,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
