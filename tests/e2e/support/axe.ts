import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** axe-core rule tags for WCAG 2.1 levels A and AA (2.0 rules are tagged separately). */
export const wcag21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeCheckOptions {
  /** CSS selector of the part to check; the whole page when left out. */
  include?: string;
}

/** One line per failing element: rule, what it asks for, where, and axe's summary of why. */
function describeViolations(
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.help}) at ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
    ),
  );
}

/**
 * Runs axe-core with the WCAG 2.1 A/AA rules on what the page shows now and fails with a
 * readable list of violations. `what` names the screen in the failure message.
 */
export async function expectNoAxeViolations(
  page: Page,
  what: string,
  options: AxeCheckOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(wcag21AA);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  expect(describeViolations(results.violations), `axe WCAG 2.1 AA on ${what}`).toEqual([]);
}
