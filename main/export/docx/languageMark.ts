/** Stands in the reference styles where the article's language goes, so one reference serves all. */
export const languageMark = 'x-byline-lang';
