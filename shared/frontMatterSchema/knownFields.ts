import type { FieldKind, FieldLabel } from './schemaTypes';

/**
 * What Hugo sites (and Byline's own articles) usually mean by a key. Used when the workspace's
 * articles do not settle a field's kind (a new workspace, a key only the schema file names) and
 * to label the common fields in both UI languages.
 */
export const KNOWN_FIELDS: Readonly<Record<string, { kind: FieldKind; label: FieldLabel }>> = {
  title: { kind: 'text', label: { en: 'Title', zh: '标题' } },
  subtitle: { kind: 'text', label: { en: 'Subtitle', zh: '副标题' } },
  slug: { kind: 'slug', label: { en: 'Slug', zh: '网址别名' } },
  date: { kind: 'datetime', label: { en: 'Date', zh: '日期' } },
  lastmod: { kind: 'datetime', label: { en: 'Last modified', zh: '最后修改' } },
  publishDate: { kind: 'datetime', label: { en: 'Publish date', zh: '发布时间' } },
  expiryDate: { kind: 'datetime', label: { en: 'Expiry date', zh: '过期时间' } },
  draft: { kind: 'boolean', label: { en: 'Draft', zh: '草稿' } },
  featured_image: { kind: 'image', label: { en: 'Featured image', zh: '题图' } },
  image: { kind: 'image', label: { en: 'Image', zh: '图片' } },
  cover: { kind: 'image', label: { en: 'Cover', zh: '封面' } },
  summary: { kind: 'longText', label: { en: 'Summary', zh: '摘要' } },
  description: { kind: 'longText', label: { en: 'Description', zh: '描述' } },
  tags: { kind: 'tags', label: { en: 'Tags', zh: '标签' } },
  categories: { kind: 'tags', label: { en: 'Categories', zh: '分类' } },
  main_topics: { kind: 'tags', label: { en: 'Main topics', zh: '主要话题' } },
  keywords: { kind: 'tags', label: { en: 'Keywords', zh: '关键词' } },
  authors: { kind: 'tags', label: { en: 'Authors', zh: '作者' } },
  author: { kind: 'text', label: { en: 'Author', zh: '作者' } },
  weight: { kind: 'number', label: { en: 'Weight', zh: '排序权重' } },
  params: { kind: 'map', label: { en: 'Parameters', zh: '参数' } },
};

/** Keys whose text is long prose even when a workspace has few examples. */
export const LONG_TEXT_KEYS = new Set([
  'summary',
  'description',
  'abstract',
  'excerpt',
  'lead',
  'dek',
]);

/** Fields the publish checklist compares with the lead (the article's first blockquote). */
export const SUMMARY_KEYS = ['summary', 'description'];

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'bmp'];

export const looksLikeImagePath = (value: string): boolean =>
  new RegExp(`\\.(?:${IMAGE_EXTENSIONS.join('|')})(?:[?#].*)?$`, 'i').test(value.trim()) &&
  !/\n/.test(value);
