import type { UiStrings } from './en';

/** 简体中文界面文字。 */
export const zhCN: UiStrings = {
  app: {
    name: 'Byline',
    loading: '正在打开工作区…',
    missingToken: '此页面需要 Byline 启动时打印的地址（其中带有一次性密钥）。请运行“npm run web”并打开它打印的地址。',
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
  },
  preview: {
    label: '预览',
  },
  status: {
    saved: '已保存',
    unsaved: '有未保存的修改',
    saving: '正在保存…',
    readOnly: '只读',
    words: '{{count}} 字',
    line: '第 {{line}} 行，第 {{column}} 列',
  },
  actions: {
    save: '保存',
    dismiss: '关闭',
  },
  conflict: {
    title: '文件已在磁盘上被修改',
    body: '“{{path}}”在你打开之后被其他程序修改过。Byline 没有覆盖它。',
    keepMine: '保留我的版本',
    takeTheirs: '使用磁盘上的版本',
  },
  errors: {
    saveFailed: '未保存：{{message}}',
    openFailed: '无法打开“{{path}}”：{{message}}',
  },
};
