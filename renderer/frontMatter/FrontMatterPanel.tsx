import { redo, undo } from '@codemirror/commands';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFrontMatter, parseArticle } from '../../shared/article';
import {
  findImage,
  formFields,
  newArticleFields,
  planFormEdit,
  publishChecklist,
  rawFieldText,
  valueAt,
  yamlScalarStyle,
} from '../../shared/frontMatterSchema';
import type { SidePanelProps } from '../panels/sidePanel';
import { isMacPlatform } from '../workbench/shortcuts';
import { useArticleSnapshot, useWorkbench } from '../workbench/workbenchContext';
import { fileToBase64 } from '../editor/imageDrop';
import { FieldControl } from './fields/FieldControl';
import { FormContext, type FormContextValue } from './formContext';
import { applyFormEdit, applyPlan } from './formDispatch';
import { frontMatterReader } from './frontMatterReader';
import { PublishChecklist } from './PublishChecklist';
import { useWorkspaceSchema } from './useWorkspaceSchema';
import { requestErrorText } from '../files/requestErrorText';
import './frontMatterPanel.css';

const FOCUSABLE =
  'input:not([type="hidden"]), textarea, select, button:not([disabled]), [tabindex="0"], summary';

/**
 * The front-matter form beside the editor: one typed control per field, driven by the
 * workspace schema. It reads the editor's text (idle-time snapshot) and writes only through
 * editor transactions, so the editor stays the single source of truth, Ctrl+Z undoes form
 * edits, and the YAML typed in the editor shows up here. Broken front matter makes the form
 * read-only and shows where the problem is; nothing is rewritten until it is fixed.
 */
export function FrontMatterPanel({ onClose }: SidePanelProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const workbench = useWorkbench();
  const { api, editor, activeTab, assetUrl, platform } = workbench;
  const snapshot = useArticleSnapshot();
  const { schema, images } = useWorkspaceSchema(api, activeTab?.path ?? null);
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [editError, setEditError] = useState<string | null>(null);

  const text = activeTab && snapshot && snapshot.tabId === activeTab.id ? snapshot.text : null;
  const revision = activeTab && snapshot && snapshot.tabId === activeTab.id ? snapshot.version : 0;
  // With the syntax tree, so the checklist below does not parse the same text again.
  const [readFrontMatter] = useState(frontMatterReader);
  const parsed = useMemo(
    () => (text === null ? null : readFrontMatter(text)),
    [text, readFrontMatter],
  );
  const broken = parsed?.error ?? null;

  // While the front matter is broken, the form keeps showing the last values it could read.
  const [lastGood, setLastGood] = useState<{
    tabId: string;
    text: string;
    data: Record<string, unknown>;
  } | null>(null);
  const tabId = activeTab?.id ?? null;
  useEffect(() => {
    const data = parsed?.data;
    if (!tabId || text === null || !data || parsed.error) return;
    // The same fields (the block unchanged): the text kept has that same block, no new state.
    setLastGood((previous) =>
      previous?.tabId === tabId && previous.data === data ? previous : { tabId, text, data },
    );
  }, [tabId, text, parsed]);
  const usable = lastGood && lastGood.tabId === tabId ? lastGood : null;
  const data = parsed?.data ?? usable?.data ?? null;
  const shownText = broken ? (usable?.text ?? null) : text;

  const rows = useMemo(() => (data ? formFields(data, schema) : []), [data, schema]);
  const articlePath = activeTab?.path ?? '';
  const imageSet = useMemo(
    () => (images ? new Set(images.map((image) => image.path)) : null),
    [images],
  );
  const findings = useMemo(() => {
    if (text === null || !parsed?.data || parsed.error) return [];
    return publishChecklist({
      text,
      schema,
      model: parsed,
      ...(imageSet
        ? {
            imageExists: (source: string) =>
              findImage(articlePath, source, (p) => imageSet.has(p)) !== null,
          }
        : {}),
    });
  }, [text, parsed, schema, imageSet, articlePath]);

  const readOnly = !activeTab || activeTab.readOnly || broken !== null || text === null;
  const labelLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const onError = useCallback((error: { message: string }) => setEditError(error.message), []);

  const form = useMemo<FormContextValue>(
    () => ({
      readOnly,
      articlePath,
      data: data ?? {},
      schema,
      images,
      assetUrl,
      labelLanguage,
      revision,
      currentVersion: () => (tabId ? editor.versionOf(tabId) : 0),
      set(path, value, options = {}) {
        setEditError(null);
        applyFormEdit(
          editor,
          { kind: 'set', path, value, ...(options.style ? { style: options.style } : {}) },
          { discrete: options.discrete ?? false, onError },
        );
      },
      setRaw(key, yaml) {
        const current = editor.text();
        if (current === null) return null;
        const plan = planFormEdit(current, { kind: 'raw', key, yaml });
        if ('error' in plan) return { message: plan.error.message, line: plan.error.line };
        setEditError(null);
        applyFormEdit(editor, { kind: 'raw', key, yaml }, { discrete: true, onError });
        return null;
      },
      styleOf: (key) => yamlScalarStyle(editor.text() ?? '', key),
      valueNow(path) {
        const current = editor.text();
        const now = current === null ? null : parseArticle(current).data;
        return now ? valueAt(now, path) : undefined;
      },
      rawText: (key) => (shownText === null ? null : rawFieldText(shownText, key)),
      async importImage(file) {
        // Images sit next to their article: one with no file yet has no place for them.
        if (!activeTab || activeTab.untitled) throw new Error(t('frontMatter.image.needsFile'));
        try {
          const imported = await api['asset.import']({
            workspace: activeTab.workspace,
            articlePath,
            fileName: file.name || 'image',
            dataBase64: await fileToBase64(file),
          });
          return imported.path;
        } catch (error) {
          throw new Error(
            requestErrorText(t, (key) => i18n.exists(key), error, { name: file.name }),
            { cause: error },
          );
        }
      },
    }),
    [
      api,
      readOnly,
      articlePath,
      data,
      schema,
      images,
      assetUrl,
      labelLanguage,
      revision,
      tabId,
      activeTab,
      editor,
      onError,
      shownText,
      t,
      i18n,
    ],
  );

  const goToError = (): void => {
    if (!broken) return;
    editor.dispatch((view) => {
      const line = view.state.doc.line(Math.min(Math.max(1, broken.line), view.state.doc.lines));
      return {
        selection: { anchor: Math.min(line.from + Math.max(0, broken.column - 1), line.to) },
        scrollIntoView: true,
      };
    });
    editor.view?.focus();
  };

  const goToField = (key: string): void => {
    const field = [
      ...(panel.current?.querySelectorAll<HTMLElement>('[data-field-key]') ?? []),
    ].find((element) => element.dataset.fieldKey === key);
    field?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    field?.scrollIntoView({ block: 'nearest' });
  };

  const createBlock = (): void => {
    const heading = parsed ? /^#{1,6}\s+(.+)$/m.exec(parsed.parts.body)?.[1]?.trim() : undefined;
    const fields = schema
      ? newArticleFields(schema, { now: new Date(), ...(heading ? { title: heading } : {}) })
      : {};
    applyPlan(editor, (current) => createFrontMatter(current, fields), { discrete: true, onError });
  };

  // Undo and redo act on the editor's history (form edits are in it), not on a text box's own.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const mod = isMacPlatform(platform) ? event.metaKey : event.ctrlKey;
    if (!mod || event.altKey || event.nativeEvent.isComposing) return;
    if ((event.target as HTMLElement).closest('[data-native-undo]')) return;
    const key = event.key.toLowerCase();
    const view = editor.view;
    if (!view || (key !== 'z' && key !== 'y')) return;
    event.preventDefault();
    if (key === 'y' || event.shiftKey) redo(view);
    else undo(view);
  };

  const format = parsed?.parts.frontMatter?.format;

  return (
    <div
      className="fm-panel"
      ref={panel}
      onKeyDown={onKeyDown}
      data-testid="front-matter-panel"
      // What the form shows (for tests and tools): the article whose text it has read, and whether the schema is in.
      data-article={text !== null ? articlePath : undefined}
      data-schema={schema ? 'loaded' : undefined}
    >
      <header className="fm-header">
        <h2 id={titleId} className="fm-title">
          {t('frontMatter.title')}
        </h2>
        {format ? (
          <span className="fm-badge">
            {t('frontMatter.format', { format: format.toUpperCase() })}
          </span>
        ) : null}
        <button
          type="button"
          className="fm-icon-button"
          onClick={onClose}
          aria-label={t('frontMatter.close')}
          title={t('frontMatter.close')}
        >
          ×
        </button>
      </header>

      {!activeTab ? <p className="fm-hint fm-pad">{t('frontMatter.noArticle')}</p> : null}

      {broken ? (
        <div className="fm-broken" role="alert" data-testid="front-matter-error">
          <strong>{t('frontMatter.brokenTitle')}</strong>
          <p>
            {t('frontMatter.brokenAt', {
              line: broken.line,
              column: broken.column,
              message: broken.message,
            })}
          </p>
          <p className="fm-hint">{t('frontMatter.brokenHint')}</p>
          <button type="button" className="fm-button" onClick={goToError}>
            {t('frontMatter.goToError')}
          </button>
        </div>
      ) : null}

      {activeTab?.readOnly ? <p className="fm-hint fm-pad">{t('frontMatter.readOnly')}</p> : null}

      {editError ? (
        <div className="fm-broken" role="alert">
          <p>{t('frontMatter.editFailed', { message: editError })}</p>
          <button
            type="button"
            className="fm-button fm-button-quiet"
            onClick={() => setEditError(null)}
          >
            {t('actions.dismiss')}
          </button>
        </div>
      ) : null}

      {parsed && !broken && !parsed.parts.frontMatter ? (
        <div className="fm-pad">
          <p className="fm-hint">{t('frontMatter.none')}</p>
          <button type="button" className="fm-button" onClick={createBlock} disabled={readOnly}>
            {t('frontMatter.create')}
          </button>
        </div>
      ) : null}

      {activeTab && data ? (
        <FormContext.Provider value={form}>
          <fieldset
            className="fm-form"
            disabled={readOnly}
            aria-label={t('frontMatter.fieldsLabel')}
            data-readonly={readOnly || undefined}
          >
            {rows.map((row) => (
              <FieldControl key={`${activeTab.id}:${row.key}`} row={row} path={[row.key]} />
            ))}
          </fieldset>
        </FormContext.Provider>
      ) : null}

      {activeTab && parsed && !broken ? (
        <PublishChecklist
          findings={findings}
          schema={schema}
          labelLanguage={labelLanguage}
          onGoTo={goToField}
        />
      ) : null}
    </div>
  );
}
