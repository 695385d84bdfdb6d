/**
 * Command and menu labels in every UI language, once. The renderer's i18n files use these for
 * their `commands.*` and `menus.*` keys, and the native menu (main/electron) reads them directly,
 * so the toolbar tooltip and the menu item always say the same thing.
 */
import type { MenuName } from './commandRegistry';

export type UiLocale = 'en' | 'zh-CN';
export const uiLocales: readonly UiLocale[] = ['en', 'zh-CN'];

/** Any Chinese locale gets the Chinese UI; everything else English. `system` defers to the OS. */
export function resolveUiLocale(preference: string, systemLocale: string): UiLocale {
  const candidate = preference === 'system' ? systemLocale : preference;
  return /^zh\b/i.test(candidate) ? 'zh-CN' : 'en';
}

const enCommands = {
  newArticle: 'New Article',
  openWorkspace: 'Open Workspace…',
  openFile: 'Open File…',
  save: 'Save',
  saveAs: 'Save As…',
  saveAll: 'Save All',
  export: 'Export…',
  print: 'Print…',
  closeTab: 'Close Tab',
  find: 'Find',
  replace: 'Replace',
  layoutEditor: 'Editor Only',
  layoutSplit: 'Editor and Preview',
  layoutPreview: 'Preview Only',
  toggleSidebar: 'Show or Hide Sidebar',
  toggleFrontMatterPanel: 'Show or Hide Article Details',
  toggleReferencesPanel: 'Show or Hide References',
  toggleOutlinePanel: 'Show or Hide Outline',
  focusMode: 'Focus Mode',
  typewriterMode: 'Typewriter Mode',
  toggleTheme: 'Switch Light/Dark Theme',
  fullScreen: 'Full Screen',
  bold: 'Bold',
  italic: 'Italic',
  strikethrough: 'Strikethrough',
  inlineCode: 'Inline Code',
  heading2: 'Heading 2',
  heading3: 'Heading 3',
  quote: 'Quote',
  bulletList: 'Bulleted List',
  orderedList: 'Numbered List',
  link: 'Link…',
  image: 'Image…',
  citation: 'Citation…',
  table: 'Table',
  settings: 'Settings…',
  history: 'Version History',
  commandPalette: 'Command Palette…',
  about: 'About Byline',
} as const;

export type CommandLabelKey = keyof typeof enCommands;

const zhCommands: Record<CommandLabelKey, string> = {
  newArticle: '新建文章',
  openWorkspace: '打开工作区…',
  openFile: '打开文件…',
  save: '保存',
  saveAs: '另存为…',
  saveAll: '全部保存',
  export: '导出…',
  print: '打印…',
  closeTab: '关闭标签页',
  find: '查找',
  replace: '替换',
  layoutEditor: '仅编辑器',
  layoutSplit: '编辑器与预览',
  layoutPreview: '仅预览',
  toggleSidebar: '显示或隐藏侧栏',
  toggleFrontMatterPanel: '显示或隐藏文章信息',
  toggleReferencesPanel: '显示或隐藏参考资料',
  toggleOutlinePanel: '显示或隐藏大纲',
  focusMode: '专注模式',
  typewriterMode: '打字机模式',
  toggleTheme: '切换浅色/深色主题',
  fullScreen: '全屏',
  bold: '加粗',
  italic: '斜体',
  strikethrough: '删除线',
  inlineCode: '行内代码',
  heading2: '二级标题',
  heading3: '三级标题',
  quote: '引用段落',
  bulletList: '无序列表',
  orderedList: '有序列表',
  link: '链接…',
  image: '图片…',
  citation: '插入脚注引用…',
  table: '表格',
  settings: '设置…',
  history: '版本历史',
  commandPalette: '命令面板…',
  about: '关于 Byline',
};

/** `commands.<key>` in the renderer's i18n resources. */
export const commandLabels: Record<UiLocale, Record<CommandLabelKey, string>> = {
  en: enCommands,
  'zh-CN': zhCommands,
};

/** `menus.<name>` in the renderer's i18n resources: the top-level menus. */
export const menuLabels: Record<UiLocale, Record<MenuName, string>> = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    format: 'Format',
    insert: 'Insert',
    window: 'Window',
    help: 'Help',
  },
  'zh-CN': {
    file: '文件',
    edit: '编辑',
    view: '视图',
    format: '格式',
    insert: '插入',
    window: '窗口',
    help: '帮助',
  },
};

/** Label of a registry `labelKey` (`commands.bold`) in a locale; the key itself when unknown. */
export function commandLabel(labelKey: string, locale: UiLocale): string {
  const key = labelKey.replace(/^commands\./, '') as CommandLabelKey;
  return commandLabels[locale][key] ?? labelKey;
}
