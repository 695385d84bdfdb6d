import type { BylineApi, EventName } from '../../shared/ipc/contract';
import { eventNames, requestNames } from '../../shared/ipc/channels';

/** At most 3 bytes of UTF-8 per UTF-16 unit: 20,000 units stay under the 64 KiB allowance. */
const keepaliveChars = 20_000;

type Outcome =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * Browser mode: the contract over loopback HTTP, events over Server-Sent Events. The session
 * cookie the server set with the page authenticates every request (same origin only). Requests
 * and the event stream carry an id this page load makes up: main counts the articles each page
 * has open, and releases them when the page's event stream closes.
 */
export function createHttpApi(baseUrl = ''): BylineApi {
  const page = crypto.randomUUID();
  const api: Record<string, unknown> = {};
  for (const name of requestNames) {
    api[name] = async (input?: unknown) => {
      const body = JSON.stringify({ input });
      const response = await fetch(`${baseUrl}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-byline-page': page },
        credentials: 'same-origin',
        body,
        // A journal write sent as the page goes away must still arrive. The browser allows
        // 64 KiB of such requests in flight: a write of changes is small, a whole long text
        // goes as an ordinary request.
        keepalive: name === 'journal.write' && body.length <= keepaliveChars,
      });
      if (!response.ok) {
        const refused = new Error(
          `Byline's background service refused the request (${response.status}).`,
        );
        // 403: no valid session cookie (the page was opened without the printed key).
        if (response.status === 403) refused.name = 'missing-token';
        throw refused;
      }
      const outcome = (await response.json()) as Outcome;
      if (outcome.ok) return outcome.value;
      const error = new Error(outcome.error.message);
      error.name = outcome.error.code;
      throw error;
    };
  }
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(eventNames as readonly string[]).includes(event))
      throw new Error(`Unknown event ${event}`);
    if (!source) {
      source = new EventSource(`${baseUrl}/events?page=${page}`);
      for (const name of eventNames) {
        source.addEventListener(name, (message) => {
          const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
          for (const callback of listeners.get(name) ?? []) callback(payload);
        });
      }
    }
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  return Object.freeze(api) as BylineApi;
}
