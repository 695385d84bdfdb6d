/** One problem found in an article, for the panels, the library and `byline check --json`. */
export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable rule id, e.g. `front-matter/syntax`, `footnotes/unused-definition`. */
  rule: string;
  severity: Severity;
  /** English sentence for the CLI; the UI translates by rule id and params. */
  message: string;
  /** 1-based line and column in the whole file; 0 when the finding is about the whole article. */
  line: number;
  column: number;
  params?: Record<string, string | number>;
}
