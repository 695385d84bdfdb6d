/**
 * Error a handler throws to send a message the writer can read (never a stack trace). Its own
 * module so that code throwing it (file confinement, the CLI) need not load the contract's schemas.
 */
export class BylineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BylineError';
  }
}
