/** UI strings of the desktop integration (dialog fallbacks, About), under `desktop.` in i18n. */
export const desktopEn = {
  promptFolder: 'Open which folder as your workspace? Type its full path:',
  promptFile: 'Open which Markdown file? Type its full path:',
  promptSaveAs: 'Save a copy as (a path inside the workspace, ending in .md):',
  saveAsOutside: 'Save As saves inside the current workspace, as a .md or .markdown file.',
  confirmReplace: '"{{path}}" already exists. Replace it?',
  saveBeforeSwitching: 'Save or close your unsaved articles before opening another workspace.',
  about:
    'Byline {{version}}\nA Markdown editor for news writers.\nByline works offline: it makes no network requests.',
  openFailed: 'Could not open "{{path}}": {{message}}',
  saveAllFailed: 'Not saved: {{titles}}. The window stays open so nothing is lost.',
  leaveWithUnsaved: 'You have unsaved changes. Leave anyway?',
  spellcheck: 'Check spelling',
  spellcheckLanguages: 'Spelling languages',
  spellcheckLanguagesHint:
    'On Windows and Linux, choosing a language downloads its dictionary once.',
  spellcheckSystem: 'macOS checks spelling in the languages chosen in System Settings.',
  defaultExportFormat: 'Default export format',
  checkForUpdates: 'Check for updates (makes a network request; off by default)',
  sectionDesktop: 'Writing tools and export',
  workspaceSwitchedElsewhere:
    'Another window opened a different workspace. Your unsaved articles here stay in this window and save to their own workspace; save them, then reload.',
  // Save As of an untitled article onto a file open in another tab (nothing is written).
  saveAsOpenInAnotherTab:
    '"{{path}}" is open in another tab, so nothing was saved. Close that tab first, or choose another name.',
};

export const desktopZh: Record<keyof typeof desktopEn, string> = {
  promptFolder: '要把哪个文件夹作为工作区打开？请输入完整路径：',
  promptFile: '要打开哪个 Markdown 文件？请输入完整路径：',
  promptSaveAs: '另存为（工作区内的路径，以 .md 结尾）：',
  saveAsOutside: '“另存为”只能保存到当前工作区内，文件名须以 .md 或 .markdown 结尾。',
  confirmReplace: '“{{path}}”已存在。要替换它吗？',
  saveBeforeSwitching: '请先保存或关闭未保存的文章，再打开其他工作区。',
  about:
    'Byline {{version}}\n为新闻写作者打造的 Markdown 编辑器。\nByline 可完全离线工作，不发出任何网络请求。',
  openFailed: '无法打开“{{path}}”：{{message}}',
  saveAllFailed: '未能保存：{{titles}}。窗口保持打开，文字不会丢失。',
  leaveWithUnsaved: '有尚未保存的更改。仍要离开吗？',
  spellcheck: '检查拼写',
  spellcheckLanguages: '拼写检查语言',
  spellcheckLanguagesHint: '在 Windows 和 Linux 上，选择一种语言会下载一次它的词典。',
  spellcheckSystem: 'macOS 按系统设置中选定的语言检查拼写。',
  defaultExportFormat: '默认导出格式',
  checkForUpdates: '检查更新（会发出网络请求；默认关闭）',
  sectionDesktop: '写作工具与导出',
  workspaceSwitchedElsewhere:
    '另一个窗口打开了其他工作区。此窗口中未保存的文章仍留在这里，并保存到它们原来的工作区；保存后请重新加载。',
  saveAsOpenInAnotherTab:
    '“{{path}}”已在另一个标签页中打开，因此没有保存。请先关闭那个标签页，或换一个名称。',
};
