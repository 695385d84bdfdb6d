// Minimal types for the parts of citation-js 0.7 Byline uses (the packages ship none).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: object[];
    format(format: string, options?: Record<string, unknown>): string | object[];
  }
  export const plugins: {
    config: { get(name: string): unknown };
    input: {
      chain(
        data: unknown,
        options?: { forceType?: string; generateGraph?: boolean; maxChainLength?: number },
      ): unknown;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
