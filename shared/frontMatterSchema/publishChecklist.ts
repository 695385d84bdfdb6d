import { analyzeArticle, type ArticleModel } from '../article/frontMatter';
import { isHugoDraft } from '../article/hugoDraft';
import type { Finding, Severity } from '../check/finding';
import { compareIdentifiers } from '../text/compareIdentifiers';
import { displayWidth } from '../text/displayWidth';
import { isValidDateTime } from './dateTime';
import { fieldLine } from './fieldSource';
import { hugoReadings } from './hugoReadings';
import { impliedSummary } from '../markdown/impliedSummary';
import { SUMMARY_KEYS } from './knownFields';
import { fieldSchemaFor } from './resolveSchema';
import { DEFAULT_CHECKLIST } from './schemaConstants';
import type { ChecklistSeverity, WorkspaceSchema } from './schemaTypes';

export const PUBLISH_RULES = {
  required: 'publish/required',
  tooLong: 'publish/too-long',
  notAllowed: 'publish/not-allowed',
  invalidDate: 'publish/invalid-date',
  imageMissing: 'publish/image-missing',
  draft: 'publish/draft',
  summaryIsLead: 'publish/summary-is-lead',
  hugoReadsOtherwise: 'publish/hugo-reads-otherwise',
} as const;

export interface ChecklistInput {
  text: string;
  /** The workspace schema; without one only the checks that need none run. */
  schema: WorkspaceSchema | null;
  /**
   * Does the image a field names exist? Gets the value as written (`images/a b.png`,
   * `/images/x.png`); undefined when unknown (the check is then skipped).
   */
  imageExists?: (source: string) => boolean | undefined;
  model?: ArticleModel;
}

/**
 * The lines of `text` one at a time (split at LF, a CR before it dropped): the lead sits near the
 * top, and splitting a whole article of a megabyte into lines to find it made garbage at every
 * pause in typing.
 */
function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    yield text.slice(start, stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop);
    if (end === -1) return;
    start = end + 1;
  }
}

/** Text of the article's first blockquote (its lead in this newsroom's style), markers removed. */
export function firstBlockquote(body: string): string | null {
  if (!body.includes('>')) return null;
  let fence: string | null = null;
  const quote: string[] = [];
  for (const line of linesOf(body)) {
    if (quote.length === 0) {
      const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fenceMatch) {
        const marker = fenceMatch[1] as string;
        if (fence === null) fence = marker;
        else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        continue;
      }
      if (fence !== null) continue;
      const start = /^ {0,3}>\s?(.*)$/.exec(line);
      if (start) quote.push(start[1] ?? '');
      continue;
    }
    // Inside the quote: quoted lines and lazy continuation lines, up to a blank line.
    if (line.trim() === '') break;
    const more = /^ {0,3}>\s?(.*)$/.exec(line);
    quote.push(more ? (more[1] ?? '') : line);
  }
  const text = quote.join('\n').trim();
  return text === '' ? null : text;
}

/** For comparing prose: no whitespace, no Markdown emphasis marks, no trailing punctuation. */
const normalizeProse = (text: string): string =>
  text
    .replace(/[\s*_`~]/g, '')
    .replace(/[。．.!！?？…]+$/u, '')
    .toLowerCase();

const isEmptyValue = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const isRemoteOrData = (source: string): boolean =>
  /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(source.trim());

/**
 * The publish checklist: required fields present, lengths within limits (display width, CJK
 * counts 2), values from the controlled vocabulary, valid dates, featured images that exist,
 * `draft: true`, a summary that is not just the lead again, and values Hugo reads otherwise than
 * spelled (`title: yes` publishes "true"). Shown in the front-matter panel
 * and run by `byline check` (shared/check/rules/publishChecklistRules.ts).
 */
export function publishChecklist(input: ChecklistInput): Finding[] {
  const model = input.model ?? analyzeArticle(input.text);
  const data = model.data;
  if (model.error || !data) return [];
  const { text, schema } = input;
  const checklist = schema?.checklist ?? DEFAULT_CHECKLIST;
  const findings: Finding[] = [];
  const add = (
    rule: string,
    severity: ChecklistSeverity,
    key: string,
    message: string,
    params: Record<string, string | number>,
  ): void => {
    if (severity === 'off') return;
    findings.push({
      rule,
      severity: severity as Severity,
      message,
      line: fieldLine(text, key, model),
      column: 1,
      params: { field: key, ...params },
    });
  };
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(data, key);

  // Hugo's summary where the front matter has none: the body up to <!--more-->.
  const bodySummary = impliedSummary(model.parts.body);
  for (const field of schema?.fields ?? []) {
    const value =
      isEmptyValue(data[field.key]) && field.key === 'summary' && bodySummary !== null
        ? bodySummary
        : data[field.key];
    if (field.required && isEmptyValue(value)) {
      add(
        PUBLISH_RULES.required,
        'error',
        field.key,
        `"${field.key}" is required before publishing.`,
        {},
      );
      continue;
    }
    if (field.maxLength !== undefined && typeof value === 'string') {
      const length = displayWidth(value);
      if (length > field.maxLength) {
        add(
          PUBLISH_RULES.tooLong,
          'error',
          field.key,
          `"${field.key}" is ${length} columns long; the limit is ${field.maxLength}.`,
          {
            length,
            max: field.maxLength,
          },
        );
      }
    }
    if (field.allowed) {
      const allowed = new Set(field.allowed);
      const values = Array.isArray(value)
        ? value
        : value === undefined || value === null || value === ''
          ? []
          : [value];
      for (const item of values) {
        if (!allowed.has(String(item))) {
          add(
            PUBLISH_RULES.notAllowed,
            'error',
            field.key,
            `"${String(item)}" is not an allowed value of "${field.key}".`,
            { value: String(item) },
          );
        }
      }
    }
  }

  for (const key of Object.keys(data)) {
    const value = data[key];
    const kind = fieldSchemaFor(schema, key, value).kind;
    if (
      kind === 'datetime' &&
      !isEmptyValue(value) &&
      !(typeof value === 'string' && isValidDateTime(value))
    ) {
      add(
        PUBLISH_RULES.invalidDate,
        checklist.date,
        key,
        `"${key}" is not a valid date: ${String(value)}`,
        { value: String(value) },
      );
    }
    if (
      kind === 'image' &&
      typeof value === 'string' &&
      value.trim() !== '' &&
      !isRemoteOrData(value)
    ) {
      if (input.imageExists?.(value) === false) {
        add(
          PUBLISH_RULES.imageMissing,
          checklist.featuredImage,
          key,
          `The image "${value}" in "${key}" does not exist.`,
          { path: value },
        );
      }
    }
  }

  if (isHugoDraft(data['draft'], model.syntax)) {
    add(
      PUBLISH_RULES.draft,
      checklist.draft,
      'draft',
      'The article is still marked draft: true.',
      {},
    );
  }

  for (const { field, written, value } of hugoReadings(model)) {
    add(
      PUBLISH_RULES.hugoReadsOtherwise,
      'warning',
      field,
      `Hugo reads ${written} in "${field}" as ${value}: write ${value}, or "${written}" in quotes for the text.`,
      { written, value },
    );
  }

  const lead = firstBlockquote(model.parts.body);
  if (lead !== null) {
    for (const key of SUMMARY_KEYS) {
      const summary = data[key];
      if (
        has(key) &&
        typeof summary === 'string' &&
        summary.trim() !== '' &&
        normalizeProse(summary) === normalizeProse(lead)
      ) {
        add(
          PUBLISH_RULES.summaryIsLead,
          checklist.summaryLead,
          key,
          `"${key}" repeats the lead word for word; write a summary of its own.`,
          {},
        );
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line || compareIdentifiers(a.rule, b.rule));
}
