/**
 * The workbench shell. Extension points, so other parts of Byline plug in without editing this file:
 *
 * - Commands: every menu item, toolbar button and shortcut is a CommandId from
 *   shared/commands/commandRegistry.ts; handlers are registered in `CommandHandlers`
 *   (`useCommandHandler(id, fn)` from a mounted component). The shell registers its own below.
 * - Side panels: append a descriptor to renderer/app/sidePanels.ts.
 * - Settings fields: append to `settingsSections` in renderer/settings/SettingsPanel.tsx.
 * - Reading/changing the article: `useWorkbench().editor` (composition-safe dispatch) and
 *   `useArticleSnapshot()`.
 * - Banners (conflicts, recovery): the `banners` slot of WorkbenchLayout.
 */
import { openSearchPanel } from '@codemirror/search';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandId } from '../../shared/commands/commandRegistry';
import type { AppInfo, LibraryEntry, Settings, WorkspaceInfo } from '../../shared/ipc/contract';
import { runWhenIdle } from '../editor/compositionQueue';
import type { EditorConfig } from '../editor/editorExtensions';
import { EditorPane } from '../editor/EditorPane';
import * as format from '../editor/formatCommands';
import { editorPhrases } from '../i18n/editorPhrases';
import { changeUiLocale, pickLocale } from '../i18n/setupI18n';
import { SplitView } from '../layout/SplitView';
import { StatusBar } from '../layout/StatusBar';
import { TabsBar } from '../layout/TabsBar';
import { WorkbenchLayout } from '../layout/WorkbenchLayout';
import { LibrarySidebar } from '../library/LibrarySidebar';
import { useLibraryEntries } from '../library/useLibraryEntries';
import { useFileSafety } from '../files/useFileSafety';
import { PreviewPane } from '../preview/PreviewPane';
import { useRenderProfile } from '../preview/useRenderProfile';
import { PreviewController, strategyFromLocation } from '../preview/previewController';
import type { AssetUrlPattern } from '../preview/previewModel';
import { SettingsPanel } from '../settings/SettingsPanel';
import { restoreSession, useDesktopIntegration } from '../desktop/useDesktopIntegration';
import { useAppliedTheme, useEditorFontSize } from '../theme/useTheme';
import { Toolbar } from '../toolbar/Toolbar';
import type { Connection } from '../transport/connect';
import type { CommandHandler } from './commandHandlers';
import { CommandHandlers, CommandHandlersContext } from './commandHandlers';
import { commandKeymap } from './commandKeymap';
import { EditorSession } from './editorSession';
import { useImageImport } from './useImageImport';
import { useLatest } from './useLatest';
import { installGlobalShortcuts, isMacPlatform } from './shortcuts';
import { requestPanelCommand } from './panelCommands';
import { sidePanels } from './sidePanels';
import type { ArticleTab, Workbench } from './workbenchContext';
import { WorkbenchContext } from './workbenchContext';
import { ExportDialogHost } from '../export/ExportDialog';

interface AppProps {
  connection: Connection;
  info: AppInfo;
  initialSettings: Settings;
}

const viewGroups: CommandId[][] = [
  ['view.layoutEditor', 'view.layoutSplit', 'view.layoutPreview'],
  ['view.focusMode', 'view.typewriterMode', 'view.toggleTheme', 'window.settings'],
];

/** The transport's asset URL scheme as prefix + suffix, so the preview worker can build URLs. */
function assetUrlPattern(assetUrl: (path: string) => string): AssetUrlPattern {
  const marker = 'BYLINEASSETMARKER';
  const sample = assetUrl(marker);
  const at = sample.indexOf(marker);
  return { prefix: sample.slice(0, at), suffix: sample.slice(at + marker.length) };
}

const titleOf = (path: string, entries: readonly LibraryEntry[]): string =>
  entries.find((e) => e.path === path)?.title ?? path.split('/').pop() ?? path;

export function App({ connection, info, initialSettings }: AppProps): React.JSX.Element {
  const { api } = connection;
  const { t } = useTranslation();
  const [settings, setSettings] = useState(initialSettings);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  // Library rows, updated row by row from library.changed (renderer/library).
  const { entries } = useLibraryEntries(api);
  const [tabs, setTabs] = useState<ArticleTab[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [sidebarVisible, setSidebarVisible] = useState(true);
  const [openPanels, setOpenPanels] = useState<ReadonlySet<string>>(
    () => new Set(sidePanels.filter((p) => p.defaultOpen).map((p) => p.id)),
  );

  const handlers = useMemo(() => new CommandHandlers(), []);
  const session = useMemo(() => new EditorSession(), []);
  const preview = useMemo(
    () =>
      new PreviewController(
        assetUrlPattern(connection.assetUrl),
        strategyFromLocation(window.location.search),
      ),
    [connection.assetUrl],
  );
  const tabsRef = useLatest(tabs);
  const activeTab = tabs.find((tab) => tab.id === activeId) ?? null;
  const renderProfile = useRenderProfile(api, activeId);
  const activeRef = useLatest(activeTab);

  const theme = useAppliedTheme(settings.theme);
  const settingsRef = useLatest(settings);
  const themeRef = useLatest(theme);
  useEditorFontSize(settings.editorFontSize);
  const locale = pickLocale(settings.locale, info.systemLocale);
  useEffect(() => void changeUiLocale(locale), [locale]);

  const notify = useCallback(
    (message: string) => setMessages((list) => [...list.filter((m) => m !== message), message]),
    [],
  );

  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      setSettings((current) => ({ ...current, ...patch }));
      api['settings.update'](patch).then(setSettings, (error: Error) => notify(error.message));
    },
    [api, notify],
  );

  // ── articles and tabs ──────────────────────────────────────────────────────────────────────
  const openArticle = useCallback(
    async (path: string) => {
      // By path: a renamed article keeps its tab id (its editor state) under the new path.
      const existing = tabsRef.current.find((tab) => tab.path === path);
      if (existing) {
        setActiveId(existing.id);
        return;
      }
      try {
        const opened = await api['article.open']({ path });
        const text = opened.text.replace(/\r\n?/g, '\n');
        const tab: ArticleTab = {
          id: path,
          path,
          title: titleOf(path, entries),
          format: opened.format,
          stamp: opened.stamp,
          readOnly: opened.readOnly,
          warnings: opened.warnings,
          savedText: text,
          dirty: false,
          saving: false,
          loadGeneration: 0,
        };
        setTabs((list) => (list.some((t2) => t2.id === path) ? list : [...list, tab]));
        setActiveId(path);
        if (opened.warnings.length > 0) notify(opened.warnings.join(' '));
      } catch (error) {
        notify(t('errors.openFailed', { path, message: (error as Error).message }));
      }
    },
    [api, entries, notify, t, tabsRef],
  );

  const patchTab = useCallback((id: string, patch: Partial<ArticleTab>) => {
    setTabs((list) => list.map((tab) => (tab.id === id ? { ...tab, ...patch } : tab)));
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const current = await api['workspace.current']();
      if (cancelled) return;
      setWorkspace(current);
    })();
    return () => {
      cancelled = true;
    };
  }, [api]);

  // Open the welcome article (or the first one) once the library is known.
  const openedFirst = useRef(false);
  useEffect(() => {
    if (openedFirst.current || entries.length === 0) return;
    openedFirst.current = true;
    // The workspace's tabs from last time (or the welcome article), see renderer/desktop.
    void restoreSession(api, entries, openArticle, () => tabsRef.current.length > 0);
  }, [api, entries, openArticle, tabsRef]);

  // Library titles follow edits to the front matter once saved.
  useEffect(() => {
    setTabs((list) => {
      let changed = false;
      const next = list.map((tab) => {
        const title = titleOf(tab.path, entries);
        if (title === tab.title) return tab;
        changed = true;
        return { ...tab, title };
      });
      return changed ? next : list;
    });
  }, [entries]);

  const closeTab = useCallback(
    (id: string) => {
      const list = tabsRef.current;
      const tab = list.find((x) => x.id === id);
      if (!tab) return;
      if (tab.dirty && !window.confirm(t('tabs.confirmClose', { title: tab.title }))) return;
      const index = list.indexOf(tab);
      const rest = list.filter((x) => x.id !== id);
      setTabs(rest);
      if (activeRef.current?.id === id)
        setActiveId((rest[index] ?? rest[index - 1] ?? null)?.id ?? null);
    },
    [t, activeRef, tabsRef],
  );

  // Saving, conflicts, autosave, crash journal, disk changes, history, article actions (renderer/files).
  const files = useFileSafety({
    api,
    session,
    handlers,
    tabs,
    activeTab,
    entries,
    settings,
    patchTab,
    openArticle,
    closeTab,
    notify,
  });
  const save = files.save;

  // Dirty flag: set at once on a change, cleared in idle time when the text is back to the saved one.
  const onDocChanged = useCallback(
    (tabId: string) => {
      if (!tabsRef.current.find((tab) => tab.id === tabId)?.dirty) patchTab(tabId, { dirty: true });
    },
    [patchTab, tabsRef],
  );
  // Subscribed imperatively: the shell must not re-render for every snapshot of the text.
  useEffect(
    () =>
      session.snapshot.subscribe(() => {
        const snapshot = session.snapshot.get();
        if (!snapshot) return;
        const tab = tabsRef.current.find((x) => x.id === snapshot.tabId);
        if (tab && tab.dirty && snapshot.text === tab.savedText) patchTab(tab.id, { dirty: false });
      }),
    [session, patchTab, tabsRef],
  );

  const importImages = useImageImport({ api, session, activeTab, notify });
  // Dialogs, files opened from the OS, unsaved-changes guard, session restore (issue 9).
  useDesktopIntegration({
    api,
    info,
    handlers,
    tabs,
    activePath: activeTab?.path ?? null,
    workspaceRoot: workspace?.root ?? null,
    openArticle,
    notify,
    currentText: () => session.text(),
  });

  // ── commands owned by the shell ────────────────────────────────────────────────────────────
  useEffect(() => {
    const inEditor =
      (command: Parameters<typeof runWhenIdle>[1]): CommandHandler =>
      () => {
        const view = session.view;
        if (!view) return false;
        runWhenIdle(view, command);
        view.focus();
        return true;
      };
    const own: Partial<Record<CommandId, CommandHandler>> = {
      'file.save': () => void save(),
      'file.closeTab': () => (activeRef.current ? closeTab(activeRef.current.id) : false),
      'edit.find': () => (session.view ? openSearchPanel(session.view) : false),
      'edit.replace': () => {
        const view = session.view;
        if (!view) return false;
        openSearchPanel(view);
        requestAnimationFrame(() =>
          view.dom.querySelector<HTMLInputElement>('.cm-search input[name="replace"]')?.focus(),
        );
        return true;
      },
      'view.layoutEditor': () => updateSettings({ layout: 'editor' }),
      'view.layoutSplit': () => updateSettings({ layout: 'split' }),
      'view.layoutPreview': () => updateSettings({ layout: 'preview' }),
      'view.toggleSidebar': () => setSidebarVisible((v) => !v),
      'view.focusMode': () => updateSettings({ focusMode: !settingsRef.current.focusMode }),
      'view.typewriterMode': () =>
        updateSettings({ typewriterMode: !settingsRef.current.typewriterMode }),
      'view.toggleTheme': () =>
        updateSettings({ theme: themeRef.current === 'dark' ? 'light' : 'dark' }),
      'window.settings': () => setSettingsOpen(true),
      'format.bold': inEditor(format.toggleBold),
      'format.italic': inEditor(format.toggleItalic),
      'format.strikethrough': inEditor(format.toggleStrikethrough),
      'format.inlineCode': inEditor(format.toggleInlineCode),
      'format.heading2': inEditor(format.setHeading2),
      'format.heading3': inEditor(format.setHeading3),
      'format.quote': inEditor(format.toggleQuote),
      'format.bulletList': inEditor(format.toggleBulletList),
      'format.orderedList': inEditor(format.toggleOrderedList),
      'insert.link': inEditor(format.insertLink),
      'insert.table': inEditor(format.insertTable()),
      'insert.image': () => importImages.pick(),
      // The references panel (issue 7) registers its own citation picker, which takes precedence.
      'insert.citation': inEditor(format.insertFootnote),
    };
    for (const panel of sidePanels) {
      for (const command of panel.openWith ?? []) {
        own[command] = () => {
          setOpenPanels((current) =>
            current.has(panel.id) ? current : new Set(current).add(panel.id),
          );
          requestPanelCommand(panel.id, command);
        };
      }
      if (!panel.toggleCommand) continue;
      own[panel.toggleCommand] = () =>
        setOpenPanels((current) => {
          const next = new Set(current);
          if (next.has(panel.id)) next.delete(panel.id);
          else next.add(panel.id);
          return next;
        });
    }
    return handlers.registerAll(own);
  }, [
    handlers,
    session,
    save,
    closeTab,
    updateSettings,
    importImages,
    activeRef,
    settingsRef,
    themeRef,
  ]);

  useEffect(
    () => installGlobalShortcuts(handlers, isMacPlatform(info.platform)),
    [handlers, info.platform],
  );
  // Native menu items (Electron) arrive as events and run the same handlers.
  useEffect(
    () => api.on('command.invoked', ({ id }) => void handlers.run(id, 'menu')),
    [api, handlers],
  );

  // ── editor configuration ───────────────────────────────────────────────────────────────────
  const editorConfig = useMemo<EditorConfig>(
    () => ({
      lineNumbers: settings.lineNumbers,
      focusMode: settings.focusMode,
      typewriter: settings.typewriterMode,
      readOnly: false,
      spellcheck: settings.spellcheck,
      phrases: editorPhrases(locale),
    }),
    [
      settings.lineNumbers,
      settings.focusMode,
      settings.typewriterMode,
      settings.spellcheck,
      locale,
    ],
  );
  const keymapExtension = useMemo(
    () => [
      commandKeymap(handlers, info.platform),
      ...sidePanels.map((panel) => panel.editorExtensions?.() ?? []),
    ],
    [handlers, info.platform],
  );
  const editorCallbacks = useMemo(
    () => ({ onSave: () => void save(), onDocChanged, onImportImages: importImages.importFiles }),
    [save, onDocChanged, importImages.importFiles],
  );

  const pressed = useMemo(() => {
    const set = new Set<CommandId>();
    set.add(
      settings.layout === 'editor'
        ? 'view.layoutEditor'
        : settings.layout === 'preview'
          ? 'view.layoutPreview'
          : 'view.layoutSplit',
    );
    if (settings.focusMode) set.add('view.focusMode');
    if (settings.typewriterMode) set.add('view.typewriterMode');
    return set;
  }, [settings.layout, settings.focusMode, settings.typewriterMode]);

  const workbench = useMemo<Workbench>(
    () => ({
      api,
      assetUrl: connection.assetUrl,
      platform: info.platform,
      settings,
      updateSettings,
      activeTab,
      editor: session,
      notify,
    }),
    [api, connection.assetUrl, info.platform, settings, updateSettings, activeTab, session, notify],
  );

  if (!workspace) return <div className="splash">{t('app.loading')}</div>;

  const editorDocument = activeTab
    ? {
        id: activeTab.id,
        path: activeTab.path,
        text: activeTab.savedText,
        readOnly: activeTab.readOnly,
        generation: activeTab.loadGeneration,
      }
    : null;
  const shownPanels = sidePanels.filter((panel) => openPanels.has(panel.id));

  return (
    <CommandHandlersContext.Provider value={handlers}>
      <WorkbenchContext.Provider value={workbench}>
        <ExportDialogHost />
        <WorkbenchLayout
          sidebar={
            sidebarVisible ? (
              <LibrarySidebar
                workspaceName={workspace.name}
                entries={entries}
                selectedPath={activeTab?.path ?? null}
                onSelect={(path) => void openArticle(path)}
                tools={files.libraryTools}
              />
            ) : undefined
          }
          tabs={
            <TabsBar tabs={tabs} activeId={activeId} onSelect={setActiveId} onClose={closeTab} />
          }
          toolbar={<Toolbar platform={info.platform} pressed={pressed} viewGroups={viewGroups} />}
          banners={
            <>
              {messages.map((message) => (
                <div className="banner" role="alert" key={message}>
                  <span>{message}</span>
                  <button
                    type="button"
                    onClick={() => setMessages((list) => list.filter((m) => m !== message))}
                  >
                    {t('actions.dismiss')}
                  </button>
                </div>
              ))}
              {files.banners}
            </>
          }
          main={
            <SplitView
              layout={settings.layout}
              ratio={settings.splitRatio}
              onRatioChange={(splitRatio) => updateSettings({ splitRatio })}
              editor={
                <>
                  <EditorPane
                    document={editorDocument}
                    openIds={tabs.map((tab) => tab.id)}
                    session={session}
                    config={editorConfig}
                    callbacks={editorCallbacks}
                    extensions={keymapExtension}
                  />
                  {activeTab ? null : (
                    <div className="placeholder">
                      <p>{t('editor.noArticle')}</p>
                      <p className="placeholder-hint">{t('editor.noArticleHint')}</p>
                    </div>
                  )}
                </>
              }
              preview={
                <PreviewPane
                  session={session}
                  controller={preview}
                  articlePath={activeTab?.path ?? null}
                  hidden={settings.layout === 'editor'}
                  profile={renderProfile}
                />
              }
            />
          }
          sidePanels={
            shownPanels.length > 0 ? (
              <div className="side-panels" aria-label={t('layout.panels')}>
                {shownPanels.map(({ id, titleKey, width, Component }) => (
                  <section
                    key={id}
                    className="side-panel"
                    aria-label={t(titleKey)}
                    style={width ? { width } : undefined}
                    data-panel={id}
                  >
                    <Component
                      onClose={() =>
                        setOpenPanels((current) => {
                          const next = new Set(current);
                          next.delete(id);
                          return next;
                        })
                      }
                    />
                  </section>
                ))}
              </div>
            ) : undefined
          }
          statusBar={<StatusBar tab={activeTab} session={session} stats={preview.stats} />}
          overlays={
            <>
              {settingsOpen ? (
                <SettingsPanel
                  settings={settings}
                  update={updateSettings}
                  onClose={() => setSettingsOpen(false)}
                />
              ) : null}
              {files.overlays}
            </>
          }
        />
      </WorkbenchContext.Provider>
    </CommandHandlersContext.Provider>
  );
}
