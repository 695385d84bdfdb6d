/**
 * The few words exports add to an article (section titles, image placeholders), in the
 * article's language, not the UI's: a Chinese article exported from an English UI still reads
 * "注释".
 */
export interface ExportLabels {
  notes: string;
  links: string;
  image: string;
  by: string;
  page: string;
  /** Heading for sources defined but never cited. */
  sources: string;
}

const zh: ExportLabels = {
  notes: '注释',
  links: '参考链接',
  image: '图片',
  by: '作者',
  page: '第 {n} 页，共 {total} 页',
  sources: '参考资料',
};
const en: ExportLabels = {
  notes: 'Notes',
  links: 'Links',
  image: 'Image',
  by: 'By',
  page: 'Page {n} of {total}',
  sources: 'Sources',
};

export const exportLabels = (lang: string): ExportLabels => (/^(?:zh|ja)\b/i.test(lang) ? zh : en);
