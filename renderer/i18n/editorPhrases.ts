import type { UiLocale } from './setupI18n';

/**
 * CodeMirror's own UI text (search panel, screen-reader announcements), keyed by its English
 * phrase as CodeMirror expects (`EditorState.phrases`). English needs no table.
 */
const zhCN: Record<string, string> = {
  Find: '查找',
  Replace: '替换',
  next: '下一个',
  previous: '上一个',
  all: '全部',
  'match case': '区分大小写',
  regexp: '正则表达式',
  'by word': '全词匹配',
  replace: '替换',
  'replace all': '全部替换',
  close: '关闭',
  'current match': '当前匹配',
  'replaced $ matches': '已替换 $ 处',
  'replaced match on line $': '已替换第 $ 行的匹配',
  'on line': '位于第几行',
  'Go to line': '跳转到行',
  go: '跳转',
  'Selection deleted': '已删除选中内容',
  'Control character': '控制字符',
  'Folded lines': '已折叠的行',
  'Unfolded lines': '已展开的行',
  to: '至',
  'folded code': '折叠的代码',
  unfold: '展开',
  'Fold line': '折叠行',
  'Unfold line': '展开行',
  // The panel's match count (renderer/editor/searchMatchCount.ts).
  '$1 of $2': '第 $1 处，共 $2 处',
  '$ matches': '$ 处匹配',
  'No matches': '无匹配',
};

/**
 * CodeMirror writes its search panel's buttons in lower case ("next", "replace all"); the English
 * UI capitalises them like every other button.
 */
const en: Record<string, string> = {
  next: 'Next',
  previous: 'Previous',
  all: 'All',
  'match case': 'Match case',
  regexp: 'Regexp',
  'by word': 'By word',
  replace: 'Replace',
  'replace all': 'Replace all',
  close: 'Close',
};

export function editorPhrases(locale: UiLocale): Readonly<Record<string, string>> {
  return locale === 'zh-CN' ? zhCN : en;
}
