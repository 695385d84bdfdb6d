/**
 * Error a handler throws to send a message the writer can read (never a stack trace). In a file of
 * its own so that services can throw it without loading the contract's schemas (zod).
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
