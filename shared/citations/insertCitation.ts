import { splitArticle } from '../article';
import type { TextChange } from '../article/textChange';
import { defaultReferencesHeading, detectArticleLanguage } from './articleLanguage';
import { analyzeCitations } from './citationAnalysis';
import { definitionRuns } from './definitionLayout';
import type { CslItem } from './source';
import { sameSource } from './source';

export interface InsertCitationRequest {
  /** Cursor offset in the whole text where `[^n]` goes. */
  at: number;
  /** The formatted definition text (without `[^n]: `). */
  definition: string;
  /** The structured source: when the article already defines it, its label is cited again. */
  item?: CslItem;
  /** Heading for a new references section; default by article language (`## References` / `## 参考资料`). */
  heading?: string;
}

export interface InsertCitationPlan {
  changes: TextChange[];
  label: string;
  /** True when an existing definition of the same source was cited instead of adding one. */
  reused: boolean;
  /** True when the references section had to be created. */
  createdSection: boolean;
  /** Where the cursor goes afterwards (just after the citation), in the new text. */
  cursor: number;
}

/** Headings our writers give the references section, any level. */
const REFERENCES_HEADING =
  /^ {0,3}#{1,6}[ \t]+(?:references|sources|notes|bibliography|footnotes|参考资料|参考文献|资料来源|来源|注释|引用|參考資料|參考文獻)[ \t]*#*[ \t]*$/imu;

/** The line end of a references heading outside code, or -1. */
function referencesHeadingEnd(body: string, bodyOffset: number): number {
  let inFence: string | null = null;
  let offset = 0;
  for (const line of body.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const marker = fence[1] ?? '';
      if (inFence === null) inFence = marker[0] ?? null;
      else if (marker[0] === inFence) inFence = null;
    } else if (inFence === null && REFERENCES_HEADING.test(line.replace(/\r$/, ''))) {
      return bodyOffset + offset + line.replace(/\r$/, '').length;
    }
    offset += line.length + 1;
  }
  return -1;
}

/** Plain numbers already used as labels; the new citation gets the next one. */
export function nextFreeNumber(labels: Iterable<string>): number {
  let max = 0;
  for (const label of labels) if (/^\d+$/.test(label)) max = Math.max(max, Number(label));
  return max + 1;
}

/**
 * Plans "insert a citation": `[^n]` at the cursor with the next free number, and its definition
 * after the last definition of the references section; the section (heading in the article's
 * language) is created at the end when the article has none. One list of changes, one undo step.
 */
export function planInsertCitation(
  text: string,
  request: InsertCitationRequest,
): InsertCitationPlan {
  const analysis = analyzeCitations(text);
  const { footnotes } = analysis;
  const at = Math.max(0, Math.min(request.at, text.length));

  if (request.item) {
    const item = request.item;
    const existing = analysis.entries.find(
      (entry) => entry.definitions.length > 0 && entry.source && sameSource(entry.source, item),
    );
    if (existing) {
      const insert = `[^${existing.label}]`;
      return {
        changes: [{ from: at, to: at, insert }],
        label: existing.label,
        reused: true,
        createdSection: false,
        cursor: at + insert.length,
      };
    }
  }

  const label = String(
    nextFreeNumber([
      ...footnotes.references.map((r) => r.label),
      ...footnotes.definitions.map((d) => d.label),
    ]),
  );
  const citation = `[^${label}]`;
  const line = `[^${label}]: ${request.definition.replace(/\s*\n\s*/g, ' ').trim()}`;

  let definitionChange: TextChange;
  let createdSection = false;
  const runs = definitionRuns(text, footnotes.definitions);
  const lastRun = runs[runs.length - 1];
  if (lastRun) {
    definitionChange = { from: lastRun.to, to: lastRun.to, insert: `${lastRun.separator}${line}` };
  } else {
    const parts = splitArticle(text);
    const headingEnd = referencesHeadingEnd(parts.body, parts.bodyOffset);
    if (headingEnd >= 0) {
      definitionChange = { from: headingEnd, to: headingEnd, insert: `\n${line}` };
    } else {
      const heading =
        request.heading?.trim() || defaultReferencesHeading(detectArticleLanguage(text));
      const eol = parts.eol;
      const trimmedEnd = text.replace(/[ \t]+$/u, '');
      const lead =
        text.length === 0
          ? ''
          : trimmedEnd.endsWith(eol + eol) || trimmedEnd.endsWith('\n\n')
            ? ''
            : trimmedEnd.endsWith('\n')
              ? eol
              : eol + eol;
      definitionChange = {
        from: text.length,
        to: text.length,
        insert: `${lead}${heading}${eol}${line}${eol}`,
      };
      createdSection = true;
    }
  }

  const cursor =
    at + citation.length + (definitionChange.from < at ? definitionChange.insert.length : 0);
  return {
    changes: [{ from: at, to: at, insert: citation }, definitionChange],
    label,
    reused: false,
    createdSection,
    cursor,
  };
}
