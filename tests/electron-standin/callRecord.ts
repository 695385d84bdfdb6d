/** What main asked the stand-in for, in order: the API member and its arguments. */
export interface RecordedCall {
  api: string;
  args: readonly unknown[];
}

export class CallRecord {
  readonly calls: RecordedCall[] = [];

  add(api: string, ...args: unknown[]): void {
    this.calls.push({ api, args });
  }

  /** The arguments of every call to one member, e.g. `argsOf('dialog.showOpenDialog')`. */
  argsOf(api: string): (readonly unknown[])[] {
    return this.calls.filter((call) => call.api === api).map((call) => call.args);
  }

  has(api: string): boolean {
    return this.calls.some((call) => call.api === api);
  }
}
