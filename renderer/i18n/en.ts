import { frontMatterEn } from '../frontMatter/strings';
import { commandLabels, menuLabels } from '../../shared/commands/commandLabels';
import { desktopEn } from '../desktop/strings';
import { exportEn } from '../export/strings';
import { referencesEn } from '../references/strings';
import { filesEn } from '../files/strings';
import { paletteEn } from '../palette/strings';

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
    noArticleHint: 'Your words stay on this computer, saved as plain Markdown files.',
  },
  preview: {
    label: 'Preview',
    privateNote: 'Not published',
    profileHugoSite: 'As this Hugo site publishes',
    profileDefault: "Hugo's defaults",
    summaryDivider: 'Summary ends here (<!--more-->)',
    brokenImage: 'Image not found',
    remoteImage: 'Remote image (not loaded while offline)',
  },
  tabs: {
    label: 'Open articles',
    unsaved: 'Unsaved changes',
    close: 'Close {{title}}',
    confirmClose: '"{{title}}" has unsaved changes. Close it and discard them?',
    untitled: 'Untitled: {{name}}',
    untitledHint: 'Not saved to a file yet: Save As keeps it in the workspace.',
    closeUntitledTitle: 'Save "{{name}}"?',
    closeUntitledBody:
      'This article has not been saved to a file yet. If you close it without saving, its text is gone.',
    saveUntitled: 'Save…',
    dontSave: "Don't Save",
    cancel: 'Cancel',
  },
  toolbar: {
    label: 'Formatting and view',
  },
  layout: {
    paneFailed: '{{pane}} stopped working. Your text is safe in the editor.',
    reopenPlain: 'Reopen as plain text',
    retryPane: 'Try again',
    divider: 'Resize editor and preview',
    sidebar: 'Library',
    panels: 'Side panels',
    closePanel: 'Close {{title}}',
    resizeLibrary: 'Resize library',
    resizePanels: 'Resize side panels',
    collapsedPanes: 'Collapsed panes',
    showLibrary: 'Show library',
    showPanels: 'Show side panels',
  },
  outline: {
    title: 'Outline',
    close: 'Close outline',
    noArticle: 'Open an article to see its headings.',
    empty: 'This article has no headings yet.',
    hint: 'Click a heading to go to it; drag it (or Alt+↑/↓) to move its section.',
    untitled: '(empty heading)',
  },
  images: {
    importing: 'Copying {{count}} image…',
    importing_other: 'Copying {{count}} images…',
    failed: 'Could not add the image "{{name}}": {{message}}',
    needsSavedArticle: 'Save the article first: images are copied next to it.',
    pickerLabel: 'Choose an image to insert',
  },
  settings: {
    title: 'Settings',
    appearance: 'Appearance',
    editor: 'Editor',
    language: 'Language',
    languageEn: 'English',
    languageZh: '简体中文 (Simplified Chinese)',
    followSystem: 'Follow the system',
    theme: 'Theme',
    themeLight: 'Light',
    themeDark: 'Dark',
    layout: 'Layout',
    fontSize: 'Editor font size',
    fontSizes: {
      '12': '12 px',
      '13': '13 px',
      '14': '14 px',
      '15': '15 px',
      '16': '16 px (default)',
      '17': '17 px',
      '18': '18 px',
      '20': '20 px',
      '22': '22 px',
      '24': '24 px',
    },
    lineNumbers: 'Show line numbers',
  },
  status: {
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    notSaved: 'Not the version on disk',
    saving: 'Saving…',
    readOnly: 'Read-only',
    label: 'Status',
    words: '{{count}} words',
    readingTime: '{{count}} min read',
    statsDetail: '{{cjkChars}} Chinese/Japanese/Korean characters, {{latinWords}} other words',
    line: 'Ln {{line}}, Col {{column}}',
    selections: '{{count}} cursors',
    selected: '{{count}} selected',
    target: 'Target {{target}} · {{percent}}%',
    targetLabel: 'Progress toward the target length',
  },
  actions: {
    save: 'Save',
    dismiss: 'Dismiss',
    done: 'Done',
  },
  frontMatter: frontMatterEn,
  commands: commandLabels.en,
  menus: menuLabels.en,
  desktop: desktopEn,
  export: exportEn,
  references: referencesEn,
  files: filesEn,
  palette: paletteEn,
  errors: {
    saveFailed: 'Not saved: {{message}}',
    openFailed: 'Could not open "{{path}}": {{message}}',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type UiStrings = Widen<typeof en>;
