/** English UI strings. Keys are shared with zh-CN.ts; a unit test keeps both complete. */
export const en = {
  app: {
    name: 'Byline',
    loading: 'Opening your workspace…',
    missingToken:
      'This page needs the address Byline printed when it started (it carries a one-time key). Run "npm run web" and open the address it prints.',
  },
  library: {
    title: 'Articles',
    empty: 'No articles in this folder yet.',
    draft: 'Draft',
    brokenFrontMatter: 'Front matter has an error',
    label: 'Article list',
  },
  editor: {
    label: 'Markdown source',
    noArticle: 'Pick an article on the left to start writing.',
  },
  preview: {
    label: 'Preview',
  },
  status: {
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    saving: 'Saving…',
    readOnly: 'Read-only',
    words: '{{count}} words',
    line: 'Ln {{line}}, Col {{column}}',
  },
  actions: {
    save: 'Save',
    dismiss: 'Dismiss',
  },
  conflict: {
    title: 'This file changed on disk',
    body: '"{{path}}" was changed by another program after you opened it. Byline did not overwrite it.',
    keepMine: 'Keep my version',
    takeTheirs: 'Take the version on disk',
  },
  errors: {
    saveFailed: 'Not saved: {{message}}',
    openFailed: 'Could not open "{{path}}": {{message}}',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type UiStrings = Widen<typeof en>;
