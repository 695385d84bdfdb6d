import { registerArticleRule } from '../articleCheck';
// The module itself, not the schema's index: that also loads the pinyin dictionary for slugs.
import { publishChecklist } from '../../frontMatterSchema/publishChecklist';
import type { WorkspaceSchema } from '../../frontMatterSchema/schemaTypes';

/**
 * The publish checklist (shared/frontMatterSchema/publishChecklist.ts) as `byline check` rules:
 * `publish/required`, `publish/too-long`, `publish/not-allowed`, `publish/invalid-date`,
 * `publish/image-missing`, `publish/draft`, `publish/summary-is-lead`,
 * `publish/hugo-reads-otherwise`. Without a schema
 * (no `.byline/schema.yml`) only the checks that need none run.
 */
registerArticleRule(({ text, article, workspace }) => {
  if (article.error || !article.data) return [];
  const exists = workspace.fileExists;
  return publishChecklist({
    text,
    model: article,
    schema: isWorkspaceSchema(workspace.schema) ? workspace.schema : null,
    ...(exists ? { imageExists: (source: string) => exists(source) } : {}),
  });
});

/** The CLI builds the schema with resolveSchema; anything else is ignored rather than trusted. */
function isWorkspaceSchema(value: unknown): value is WorkspaceSchema {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WorkspaceSchema>;
  return (
    Array.isArray(candidate.fields) &&
    typeof candidate.checklist === 'object' &&
    candidate.checklist !== null
  );
}
