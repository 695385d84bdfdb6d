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
import { compareDates, dateParts, normalizeUrl, sameSource } from './source';

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
  return match ? normalizeUrl(match[0].replace(/[.,;:。，；]+$/u, '')) : null;
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
): CitationAnalysis {
  const labels = [...footnotes.order, ...footnotes.unusedDefinitions];
  const entries: CitationEntry[] = labels.map((label) => {
    const definitions = footnotes.definitions.filter((d) => d.label === label);
    const references = footnotes.references.filter((r) => r.label === label);
    const used = definitions[definitions.length - 1];
    const parsed = used ? parseNewsDefinition(used.text) : null;
    const orderIndex = footnotes.order.indexOf(label);
    return {
      label,
      number: orderIndex >= 0 ? orderIndex + 1 : null,
      references,
      definitions,
      source: parsed?.item ?? null,
      language: parsed?.language ?? null,
      problems: [],
    };
  });

  const seen: { label: string; item: CslItem | null; url: string | null }[] = [];
  for (const entry of entries) {
    const { definitions, problems } = entry;
    const definition = definitions[definitions.length - 1] ?? null;
    if (definitions.length === 0) {
      problems.push({ kind: 'missing-definition', severity: 'error', definition: null });
      continue;
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
    const earlier = seen.find(
      (other) =>
        (source && other.item && sameSource(source, other.item)) ||
        (url !== null && other.url === url),
    );
    if (earlier)
      problems.push({
        kind: 'duplicate-source',
        severity: 'warning',
        definition,
        otherLabel: earlier.label,
      });
    seen.push({ label: entry.label, item: source, url });
  }
  return { entries, footnotes };
}
