import { frontMatterZh } from '../frontMatter/strings';
import { commandLabels, menuLabels } from '../../shared/commands/commandLabels';
import { desktopZh } from '../desktop/strings';
import { exportZh } from '../export/strings';
import { referencesZh } from '../references/strings';
import { filesZh } from '../files/strings';
import { paletteZh } from '../palette/strings';
import type { UiStrings } from './en';

/** 简体中文界面文字。 */
export const zhCN: UiStrings = {
  app: {
    name: 'Byline',
    loading: '正在打开工作区…',
    missingToken:
      '此页面需要 Byline 启动时打印的地址（其中带有一次性密钥）。请运行“npm run web”并打开它打印的地址。',
  },
  library: {
    title: '文章',
    empty: '这个文件夹里还没有文章。',
    draft: '草稿',
    brokenFrontMatter: '前置信息有错误',
    label: '文章列表',
  },
  editor: {
    label: 'Markdown 源文本',
    noArticle: '从左侧选择一篇文章开始写作。',
    noArticleHint: '文字只保存在这台电脑上，存为普通的 Markdown 文件。',
  },
  preview: {
    label: '预览',
    privateNote: '不发布',
    profileHugoSite: '按本 Hugo 站点的设置渲染',
    profileDefault: 'Hugo 默认设置',
    summaryDivider: '摘要到此为止（<!--more-->）',
    brokenImage: '找不到图片',
    remoteImage: '网络图片（离线时不加载）',
  },
  tabs: {
    label: '已打开的文章',
    unsaved: '有未保存的修改',
    close: '关闭“{{title}}”',
    confirmClose: '“{{title}}”有未保存的修改。关闭并放弃这些修改吗？',
  },
  toolbar: {
    label: '格式与视图',
  },
  layout: {
    paneFailed: '{{pane}}出错了。文字仍安全地保存在编辑器中。',
    reopenPlain: '以纯文本重新打开',
    retryPane: '重试',
    divider: '调整编辑器与预览的宽度',
    sidebar: '文章库',
    panels: '侧边面板',
    closePanel: '关闭“{{title}}”',
    resizeLibrary: '调整文章库宽度',
    resizePanels: '调整侧边面板宽度',
    collapsedPanes: '已收起的窗格',
    showLibrary: '显示文章库',
    showPanels: '显示侧边面板',
  },
  outline: {
    title: '大纲',
    close: '关闭大纲',
    noArticle: '打开一篇文章即可查看其标题。',
    empty: '这篇文章还没有标题。',
    hint: '点击标题即可跳转；拖动标题（或 Alt+↑/↓）可移动整个段落。',
    untitled: '（空标题）',
  },
  images: {
    importing: '正在复制 {{count}} 张图片…',
    importing_other: '正在复制 {{count}} 张图片…',
    failed: '无法添加图片“{{name}}”：{{message}}',
    needsSavedArticle: '请先保存文章：图片会复制到文章旁边。',
    pickerLabel: '选择要插入的图片',
  },
  settings: {
    title: '设置',
    appearance: '外观',
    editor: '编辑器',
    language: '界面语言',
    languageEn: 'English（英语）',
    languageZh: '简体中文',
    followSystem: '跟随系统',
    theme: '主题',
    themeLight: '浅色',
    themeDark: '深色',
    layout: '布局',
    fontSize: '编辑器字号',
    fontSizes: {
      '12': '12 像素',
      '13': '13 像素',
      '14': '14 像素',
      '15': '15 像素',
      '16': '16 像素（默认）',
      '17': '17 像素',
      '18': '18 像素',
      '20': '20 像素',
      '22': '22 像素',
      '24': '24 像素',
    },
    lineNumbers: '显示行号',
  },
  status: {
    saved: '已保存',
    unsaved: '有未保存的修改',
    saving: '正在保存…',
    readOnly: '只读',
    label: '状态',
    words: '{{count}} 字',
    readingTime: '约 {{count}} 分钟读完',
    statsDetail: '中日韩文字 {{cjkChars}} 个，其他单词 {{latinWords}} 个',
    line: '第 {{line}} 行，第 {{column}} 列',
    selections: '{{count}} 个光标',
    selected: '已选 {{count}} 字符',
    target: '目标 {{target}} 字 · {{percent}}%',
    targetLabel: '目标字数进度',
  },
  actions: {
    save: '保存',
    dismiss: '关闭',
    done: '完成',
  },
  conflict: {
    title: '文件已在磁盘上被修改',
    body: '“{{path}}”在你打开之后被其他程序修改过。Byline 没有覆盖它。',
    keepMine: '保留我的版本',
    takeTheirs: '使用磁盘上的版本',
  },
  frontMatter: frontMatterZh,
  commands: commandLabels['zh-CN'],
  menus: menuLabels['zh-CN'],
  desktop: desktopZh,
  export: exportZh,
  references: referencesZh,
  files: filesZh,
  palette: paletteZh,
  errors: {
    saveFailed: '未保存：{{message}}',
    openFailed: '无法打开“{{path}}”：{{message}}',
  },
};
