import { registerArticleRule } from '../articleCheck';
import type { Finding } from '../finding';

/** Citations without a source, sources never cited, and the same label defined twice. */
registerArticleRule(({ footnotes }) => {
  const findings: Finding[] = [];
  for (const label of footnotes.missingDefinitions) {
    const first = footnotes.references.find((r) => r.label === label);
    findings.push({
      rule: 'footnotes/missing-definition',
      severity: 'error',
      message: `Footnote [^${label}] is cited but never defined.`,
      line: first?.line ?? 0,
      column: first?.column ?? 0,
      params: { label },
    });
  }
  for (const label of footnotes.unusedDefinitions) {
    const definition = footnotes.definitions.find((d) => d.label === label);
    findings.push({
      rule: 'footnotes/unused-definition',
      severity: 'warning',
      message: `Footnote [^${label}] is defined but never cited.`,
      line: definition?.line ?? 0,
      column: definition?.column ?? 0,
      params: { label },
    });
  }
  for (const label of footnotes.duplicateDefinitions) {
    const second = footnotes.definitions.filter((d) => d.label === label)[1];
    findings.push({
      rule: 'footnotes/duplicate-definition',
      severity: 'error',
      message: `Footnote [^${label}] is defined more than once.`,
      line: second?.line ?? 0,
      column: second?.column ?? 0,
      params: { label },
    });
  }
  return findings;
});
