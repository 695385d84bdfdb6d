/** UI strings of the command palette, the app menu button and the start screen (merged into en.ts / zh-CN.ts as `palette`). */
export const paletteEn = {
  title: 'Command palette',
  placeholder: 'Type a command, an article or a workspace',
  inputLabel: 'Search commands, recent articles and workspaces',
  results: 'Results',
  noResults: 'Nothing matches “{{query}}”.',
  kinds: {
    command: 'Command',
    article: 'Recent article',
    workspace: 'Recent workspace',
  },
  unavailable: '“{{label}}” cannot run right now (open an article first).',
  hint: '↑↓ to choose, Enter to run, Esc to close',
  menuButton: 'Menu',
  openRecent: 'Open Recent',
  noRecent: 'No recent items',
  start: {
    title: 'Start writing',
    recentArticles: 'Recent articles',
    recentWorkspaces: 'Recent workspaces',
    noRecentArticles: 'Articles you open appear here.',
    paletteHint: 'Every command is in the command palette: {{shortcut}} or F1.',
  },
};

export const paletteZh: typeof paletteEn = {
  title: '命令面板',
  placeholder: '输入命令、文章或工作区（可用拼音或首字母）',
  inputLabel: '搜索命令、最近的文章和工作区',
  results: '结果',
  noResults: '没有与“{{query}}”匹配的项目。',
  kinds: {
    command: '命令',
    article: '最近的文章',
    workspace: '最近的工作区',
  },
  unavailable: '“{{label}}”现在无法执行（请先打开一篇文章）。',
  hint: '↑↓ 选择，回车执行，Esc 关闭',
  menuButton: '菜单',
  openRecent: '最近打开',
  noRecent: '没有最近项目',
  start: {
    title: '开始写作',
    recentArticles: '最近的文章',
    recentWorkspaces: '最近的工作区',
    noRecentArticles: '打开过的文章会显示在这里。',
    paletteHint: '所有命令都在命令面板中：{{shortcut}} 或 F1。',
  },
};
