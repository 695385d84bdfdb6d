import { registerArticleRule } from '../articleCheck';

/** Broken front matter: the writer must fix it before publishing (Hugo refuses the file). */
registerArticleRule(({ article }) => {
  const error = article.error;
  if (!error) return [];
  return [
    {
      rule: `front-matter/${error.kind}`,
      severity: 'error',
      message: `Front matter: ${error.message}`,
      line: error.line,
      column: error.column,
    },
  ];
});
