import { once } from 'node:events';
import { createServer } from 'node:http';
import { same } from '../access-token.ts';

/**
 * A worker's /metrics on its own port (a worker serves nothing else). With an access
 * token the scraper must send it, as for the server's /metrics.
 */
export async function serveMetrics(
  port: number,
  host: string,
  metrics: () => Promise<{ contentType: string; text: string }>,
  accessToken: string | undefined,
): Promise<() => Promise<void>> {
  const server = createServer((req, res) => {
    const offered = req.headers.authorization?.replace(/^Bearer /, '');
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
    } else if (accessToken && !(offered !== undefined && same(offered, accessToken))) {
      res.writeHead(401).end();
    } else {
      metrics().then(
        ({ contentType, text }) => res.writeHead(200, { 'content-type': contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    }
  });
  server.listen(port, host);
  await once(server, 'listening');
  return () => new Promise((resolve) => server.close(() => resolve()));
}
