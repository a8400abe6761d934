// A byte forwarder for the mail lab (see mail-lab.ts): `node mail-tcp-bridge.mjs LISTEN CONNECT`,
// each an absolute unix socket path or host:port. Prints "ready" once it listens; SIGTERM stops it.
import net from 'node:net';

const endpoint = (text) => (text.startsWith('/')
    ? { path: text }
    : { host: text.slice(0, text.lastIndexOf(':')), port: Number(text.slice(text.lastIndexOf(':') + 1)) });
const [listen, connect] = process.argv.slice(2).map(endpoint);

const server = net.createServer((client) => {
    const upstream = net.connect(connect);
    const close = () => { client.destroy(); upstream.destroy(); };
    client.pipe(upstream).pipe(client);
    for (const socket of [client, upstream]) {
        socket.on('error', close);
        socket.on('close', close);
    }
});
server.on('error', (error) => { process.stderr.write(`${error.message}\n`); process.exit(1); });
server.listen(listen, () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => process.exit(0));
