import { pinyin } from 'pinyin-pro';

export interface SlugOptions {
  /** Longest slug to return; cut at a word boundary when one is near. Default 80. */
  maxLength?: number;
  /** Used when the title yields nothing (emoji, punctuation); e.g. a date-based slug. Default 'untitled'. */
  fallback?: string;
}

const HAN = /\p{Script=Han}/u;

/** Lowercase ASCII words: accents dropped (é -> e), everything else a separator. */
function asciiWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function wordsOf(title: string): string[] {
  if (!HAN.test(title)) return asciiWords(title);
  // One array element per Han character (toneless pinyin, ü as v); runs of other text stay whole.
  const parts = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return parts.flatMap(asciiWords);
}

function truncate(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // Prefer ending on a whole word when that keeps at least half the length.
  const lastHyphen = cut.lastIndexOf('-');
  const atWord =
    slug[maxLength] === '-' ? cut : lastHyphen >= maxLength / 2 ? cut.slice(0, lastHyphen) : cut;
  return atWord.replace(/-+$/, '');
}

/**
 * A URL slug for a title: Han characters become toneless pinyin syllables, Latin letters lose
 * their accents, everything is lowercase ASCII joined by single hyphens. Never empty.
 * `slugify('OpenAI与微软权力对弈')` -> 'openai-yu-wei-ruan-quan-li-dui-yi'.
 */
export function slugify(title: string, options: SlugOptions = {}): string {
  const maxLength = Math.max(1, options.maxLength ?? 80);
  const slug = truncate(wordsOf(title).join('-'), maxLength);
  if (slug !== '') return slug;
  const fallback =
    options.fallback === undefined
      ? ''
      : truncate(asciiWords(options.fallback).join('-'), maxLength);
  return fallback !== '' ? fallback : 'untitled'.slice(0, maxLength);
}
