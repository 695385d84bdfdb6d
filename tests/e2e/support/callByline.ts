import http from 'node:http';
import type { BylineServer } from './bylineServer';

/** One contract request straight to the browser-mode server, as the page would send it; the answer's value. */
export function callByline(byline: BylineServer, name: string, input?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(`/api/${name}`, byline.origin),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-byline-token': byline.token },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve((JSON.parse(body) as { value?: unknown }).value));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ input }));
  });
}
