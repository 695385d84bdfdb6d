import type { Token } from 'markdown-it';
import { markdownRendererFor } from '../../markdown/createRenderer';
import { hugoDefaultProfile } from '../../markdown/renderProfile';
import { registerArticleRule } from '../articleCheck';
import type { Finding } from '../finding';

const cjkProfile = { ...hugoDefaultProfile, cjk: true };
const emphasisOpen = new Set(['strong_open', 'em_open', 's_open']);

/** Inline blocks with their line and how many emphasis spans they open. */
function emphasisPerBlock(tokens: readonly Token[]): { line: number; count: number }[] {
  return tokens
    .filter((token) => token.type === 'inline')
    .map((token) => ({
      line: token.map?.[0] ?? 0,
      count: (token.children ?? []).filter((child) => emphasisOpen.has(child.type)).length,
    }));
}

/**
 * `publish/cjk-emphasis`: emphasis that only works with Goldmark's CJK extension
 * (`**“重点”**狭隘`). Without it, as in Hugo's default configuration, readers see the asterisks;
 * a site that enables the extension (`markup.goldmark.extensions.cjk`) publishes it as emphasis.
 */
registerArticleRule(({ article, workspace }): Finding[] => {
  if (workspace.profile?.cjk === true) return [];
  const body = article.parts.body;
  if (!/[*_~]/.test(body)) return [];
  const plain = emphasisPerBlock(markdownRendererFor().parse(body, {}));
  const cjk = emphasisPerBlock(markdownRendererFor(cjkProfile).parse(body, {}));
  if (plain.length !== cjk.length) return [];
  const findings: Finding[] = [];
  plain.forEach((block, i) => {
    if ((cjk[i]?.count ?? 0) <= block.count) return;
    findings.push({
      rule: 'publish/cjk-emphasis',
      severity: 'warning',
      message:
        'Emphasis next to CJK punctuation is not emphasis on a Hugo site without the CJK extension: readers will see the * marks.',
      line: block.line + article.parts.bodyStartLine + 1,
      column: 1,
    });
  });
  return findings;
});
