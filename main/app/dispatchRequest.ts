import type { RequestCaller, RequestHandlers, RequestName } from '../../shared/ipc/contract';
import { BylineError, requests } from '../../shared/ipc/contract';

export type DispatchOutcome =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(requests, name);
}

/**
 * The one place both transports hand a request to a service: the input is parsed with the
 * contract's schema first, the output checked on the way out, and errors become messages.
 */
export async function dispatchRequest(
  handlers: RequestHandlers,
  name: string,
  rawInput: unknown,
  caller?: RequestCaller,
): Promise<DispatchOutcome> {
  if (!isRequestName(name)) {
    return { ok: false, error: { code: 'unknown-request', message: `Unknown request ${name}` } };
  }
  const schema = requests[name];
  const parsed = schema.input.safeParse(rawInput);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `Invalid input for ${name}: ${parsed.error.message}`,
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown, caller?: RequestCaller) => Promise<unknown>;
    const value = schema.output.parse(await handler(parsed.data, caller));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof BylineError)
      return { ok: false, error: { code: error.code, message: error.message } };
    const errno = error as NodeJS.ErrnoException;
    if (typeof errno.code === 'string') {
      return { ok: false, error: { code: errno.code, message: describeErrno(errno) } };
    }
    console.error(`[byline] ${name} failed`, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong inside Byline. Your text is unchanged.',
      },
    };
  }
}

function describeErrno(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'That file or folder no longer exists.';
    case 'EACCES':
    case 'EPERM':
      return 'Byline has no permission to read that file or folder.';
    default:
      return `The file system reported ${error.code}.`;
  }
}
