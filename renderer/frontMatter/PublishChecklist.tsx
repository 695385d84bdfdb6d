import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/check';
import type { WorkspaceSchema } from '../../shared/frontMatterSchema';
import { fieldSchemaFor } from '../../shared/frontMatterSchema';
import { labelOf } from './formContext';

const RULE_KEYS: Record<string, string> = {
  'publish/required': 'required',
  'publish/too-long': 'tooLong',
  'publish/not-allowed': 'notAllowed',
  'publish/invalid-date': 'invalidDate',
  'publish/image-missing': 'imageMissing',
  'publish/draft': 'draft',
  'publish/summary-is-lead': 'summaryIsLead',
  'publish/hugo-reads-otherwise': 'hugoReadsOtherwise',
};

interface PublishChecklistProps {
  findings: readonly Finding[];
  schema: WorkspaceSchema | null;
  labelLanguage: 'zh' | 'en';
  /** Moves the focus to a field of the form. */
  onGoTo(field: string): void;
}

/** The publish checklist of the open article; the same rules `byline check` runs. */
export function PublishChecklist({
  findings,
  schema,
  labelLanguage,
  onGoTo,
}: PublishChecklistProps): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const problems = schema?.file?.problems ?? [];
  return (
    <section
      className="fm-checklist"
      aria-labelledby={`${id}-title`}
      data-testid="publish-checklist"
    >
      <h3 id={`${id}-title`} className="fm-section-title">
        {t('frontMatter.checklist.title')}
      </h3>
      {findings.length === 0 ? (
        <p className="fm-ready">{t('frontMatter.checklist.ready')}</p>
      ) : (
        <>
          <p className="fm-hint">{t('frontMatter.checklist.summary', { errors, warnings })}</p>
          <ul className="fm-findings">
            {findings.map((finding, index) => {
              const field = String(finding.params?.field ?? '');
              const label = labelOf(fieldSchemaFor(schema, field), labelLanguage);
              const key = RULE_KEYS[finding.rule];
              const text = key
                ? t(`frontMatter.checklist.rules.${key}`, { ...finding.params, field: label })
                : finding.message;
              return (
                <li
                  key={`${finding.rule}-${field}-${index}`}
                  className={`fm-finding fm-finding-${finding.severity}`}
                  data-rule={finding.rule}
                >
                  <span className="fm-finding-icon" aria-hidden="true">
                    {finding.severity === 'error' ? '✕' : '!'}
                  </span>
                  <span className="fm-finding-text">{text}</span>
                  {field ? (
                    <button type="button" className="fm-link" onClick={() => onGoTo(field)}>
                      {t('frontMatter.checklist.goTo', { field: label })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {problems.length > 0 ? (
        <ul className="fm-findings">
          {problems.map((problem, index) => (
            <li key={index} className="fm-finding fm-finding-warning" data-rule="schema-file">
              <span className="fm-finding-icon" aria-hidden="true">
                !
              </span>
              <span className="fm-finding-text">
                {t('frontMatter.checklist.schemaProblem', {
                  path: schema?.file?.path ?? '',
                  line: problem.line,
                  message: problem.message,
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
