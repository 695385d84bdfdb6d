import { analyzeCitations } from '../../citations/citationAnalysis';
import type { CitationProblemKind } from '../../citations/citationAnalysis';
import { registerArticleRule } from '../articleCheck';
import type { Finding } from '../finding';

/**
 * Source problems in footnote definitions. Missing, unused and duplicate labels are
 * reported by footnoteRules; these are about what the definitions say.
 */
const messages: Partial<Record<CitationProblemKind, (label: string, other?: string) => string>> = {
  'duplicate-source': (label, other) =>
    `Footnote [^${label}] cites the same source as [^${other ?? '?'}].`,
  'missing-url': (label) => `Footnote [^${label}] has no URL.`,
  'missing-retrieval-date': (label) => `Footnote [^${label}] has no retrieval date.`,
  'retrieved-before-published': (label) =>
    `Footnote [^${label}] was retrieved before it was published.`,
};

registerArticleRule(({ text, footnotes, meter }) => {
  const findings: Finding[] = [];
  for (const entry of analyzeCitations(text, footnotes, meter).entries) {
    for (const problem of entry.problems) {
      const message = messages[problem.kind];
      if (!message) continue;
      const params: Record<string, string> = { label: entry.label };
      if (problem.otherLabel) params.other = problem.otherLabel;
      findings.push({
        rule: `citations/${problem.kind}`,
        severity: problem.severity,
        message: message(entry.label, problem.otherLabel),
        line: problem.definition?.line ?? 0,
        column: problem.definition?.column ?? 0,
        params,
      });
    }
  }
  return findings;
});
