import { splitArticle } from '../article';
import type {
  FootnoteDefinition,
  FootnoteIndex,
  FootnoteReference,
} from '../footnotes/footnoteIndex';
import { indexFootnotes } from '../footnotes/footnoteIndex';
import { hasLink, hasRetrievalDate, looksLikeSource } from './citationShape';
import type { DefinitionLanguage } from './newsStyle';
import { parseNewsDefinition } from './newsStyle';
import type { CslItem } from './source';
import { compareDates, dateParts, normalizeUrl, sourceKeys } from './source';
import { unmetered, type WorkMeter } from '../text/workMeter';

export type CitationProblemKind =
  | 'missing-definition'
  | 'unused-definition'
  | 'duplicate-label'
  | 'duplicate-source'
  | 'missing-url'
  | 'missing-retrieval-date'
  | 'retrieved-before-published';

export interface CitationProblem {
  kind: CitationProblemKind;
  severity: 'error' | 'warning';
  /** The definition it is about (duplicates: the later one); null for a missing definition. */
  definition: FootnoteDefinition | null;
  /** duplicate-source: the label of the earlier definition of the same source. */
  otherLabel?: string;
}

export interface CitationEntry {
  label: string;
  /** Its number in order of first citation (what the preview shows); null when never cited. */
  number: number | null;
  references: FootnoteReference[];
  /** Every definition with this label (more than one is a problem); the preview uses the last. */
  definitions: FootnoteDefinition[];
  /** The structured source, when the definition is in the news style; null for free text. */
  source: CslItem | null;
  /** The sentence language of that definition. */
  language: DefinitionLanguage | null;
  problems: CitationProblem[];
}

export interface CitationAnalysis {
  /** Cited labels in order of first citation, then unused definitions in document order. */
  entries: CitationEntry[];
  footnotes: FootnoteIndex;
}

/** The URL written in a free-text definition, for duplicate detection. */
function urlIn(text: string): string | null {
  const match = /https?:\/\/[^\s<>()\]]+/iu.exec(text);
  if (!match) return null;
  // Trailing sentence punctuation trimmed by hand: `[.,;:]+$` rescans a long run once per start.
  let end = match[0].length;
  while (end > 0 && '.,;:。，；'.includes(match[0].charAt(end - 1))) end--;
  return normalizeUrl(match[0].slice(0, end));
}

/** Groups items by a key in one pass, keeping document order inside each group. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Indexes footnotes of the body, with offsets and lines in the whole file. */
export function indexArticleFootnotes(text: string): FootnoteIndex {
  const parts = splitArticle(text);
  return indexFootnotes(parts.body, {
    charOffset: parts.bodyOffset,
    lineOffset: parts.bodyStartLine,
  });
}

/**
 * Every footnote of an article with its citations, definitions, parsed source and problems:
 * what the references panel lists and what `byline check` reports.
 */
export function analyzeCitations(
  text: string,
  footnotes: FootnoteIndex = indexArticleFootnotes(text),
  meter: WorkMeter = unmetered,
): CitationAnalysis {
  // Maps by label, not a filter per label: 100,000 footnotes would otherwise cost 10^10 steps.
  const definitionsByLabel = groupBy(footnotes.definitions, (d) => d.label);
  const referencesByLabel = groupBy(footnotes.references, (r) => r.label);
  const numberOf = new Map(footnotes.order.map((label, index) => [label, index + 1]));
  const labels = [...footnotes.order, ...footnotes.unusedDefinitions];
  const entries: CitationEntry[] = labels.map((label) => {
    const definitions = definitionsByLabel.get(label) ?? [];
    const used = definitions[definitions.length - 1];
    meter.tick(1 + (used?.text.length ?? 0));
    const parsed = used ? parseNewsDefinition(used.text) : null;
    return {
      label,
      number: numberOf.get(label) ?? null,
      references: referencesByLabel.get(label) ?? [],
      definitions,
      source: parsed?.item ?? null,
      language: parsed?.language ?? null,
      problems: [],
    };
  });

  // The first entry citing each source key / URL, by position in `entries`.
  const firstWithKey = new Map<string, number>();
  const firstWithUrl = new Map<string, number>();
  entries.forEach((entry, index) => {
    const { definitions, problems } = entry;
    const definition = definitions[definitions.length - 1] ?? null;
    if (definitions.length === 0) {
      problems.push({ kind: 'missing-definition', severity: 'error', definition: null });
      return;
    }
    if (entry.number === null)
      problems.push({ kind: 'unused-definition', severity: 'warning', definition });
    if (definitions.length > 1) {
      problems.push({
        kind: 'duplicate-label',
        severity: 'error',
        definition: definitions[1] ?? definition,
      });
    }
    const text = definition?.text ?? '';
    meter.tick(1 + text.length);
    const source = entry.source;
    // An explanatory note is no source: it needs neither a URL nor a retrieval date.
    const citesSource = source !== null || looksLikeSource(text);
    if (citesSource && !source?.URL && !source?.DOI && !hasLink(text)) {
      problems.push({ kind: 'missing-url', severity: 'warning', definition });
    }
    if (citesSource && !source?.accessed && !hasRetrievalDate(text)) {
      problems.push({ kind: 'missing-retrieval-date', severity: 'warning', definition });
    }
    const issued = dateParts(source?.issued);
    const accessed = dateParts(source?.accessed);
    if (issued && accessed && compareDates(accessed, issued) < 0) {
      problems.push({ kind: 'retrieved-before-published', severity: 'error', definition });
    }
    const url = source?.URL ? normalizeUrl(source.URL) : urlIn(text);
    const keys = source ? sourceKeys(source) : [];
    const candidates = keys.map((key) => firstWithKey.get(key));
    if (url !== null) candidates.push(firstWithUrl.get(url));
    const earlier = Math.min(...candidates.map((at) => at ?? Infinity));
    if (earlier !== Infinity)
      problems.push({
        kind: 'duplicate-source',
        severity: 'warning',
        definition,
        otherLabel: entries[earlier]?.label,
      });
    for (const key of keys) if (!firstWithKey.has(key)) firstWithKey.set(key, index);
    if (url !== null && !firstWithUrl.has(url)) firstWithUrl.set(url, index);
  });
  return { entries, footnotes };
}
