import type { FootnoteIndex, FootnoteReference } from '../../footnotes/footnoteIndex';
import { registerArticleRule } from '../articleCheck';
import type { Finding, Severity } from '../finding';

interface FootnoteProblem {
  rule: string;
  severity: Severity;
  labels: (index: FootnoteIndex) => string[];
  /** Where to point: the first citation, the definition, or the second definition. */
  locate: (index: FootnoteIndex, label: string) => FootnoteReference | undefined;
  message: (label: string) => string;
}

const problems: FootnoteProblem[] = [
  {
    rule: 'footnotes/missing-definition',
    severity: 'error',
    labels: (index) => index.missingDefinitions,
    locate: (index, label) => index.references.find((r) => r.label === label),
    message: (label) => `Footnote [^${label}] is cited but never defined.`,
  },
  {
    rule: 'footnotes/unused-definition',
    severity: 'warning',
    labels: (index) => index.unusedDefinitions,
    locate: (index, label) => index.definitions.find((d) => d.label === label),
    message: (label) => `Footnote [^${label}] is defined but never cited.`,
  },
  {
    rule: 'footnotes/duplicate-definition',
    severity: 'error',
    labels: (index) => index.duplicateDefinitions,
    locate: (index, label) => index.definitions.filter((d) => d.label === label)[1],
    message: (label) => `Footnote [^${label}] is defined more than once.`,
  },
];

/** Citations without a source, sources never cited, and the same label defined twice. */
registerArticleRule(({ footnotes }) =>
  problems.flatMap((problem): Finding[] =>
    problem.labels(footnotes).map((label) => {
      const at = problem.locate(footnotes, label);
      return {
        rule: problem.rule,
        severity: problem.severity,
        message: problem.message(label),
        line: at?.line ?? 0,
        column: at?.column ?? 0,
        params: { label },
      };
    }),
  ),
);
