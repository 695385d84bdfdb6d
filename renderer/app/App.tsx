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
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandId } from '../../shared/commands/commandRegistry';
import type {
  AppInfo,
  LibraryEntry,
  Settings,
  StandaloneFile,
  WorkspaceInfo,
} from '../../shared/ipc/contract';
import type { ArticleDocument } from '../document/articleDocument';
import { runWhenIdle } from '../document/compositionQueue';
import type { EditorConfig } from '../editor/editorExtensions';
import { EditorPane } from '../editor/EditorPane';
import * as format from '../editor/formatCommands';
import { editorPhrases } from '../i18n/editorPhrases';
import { changeUiLocale, pickLocale } from '../i18n/setupI18n';
import { SplitView } from '../layout/SplitView';
import { PaneSplitter } from '../layout/PaneSplitter';
import { SideColumn } from '../layout/SideColumn';
import { CollapsedRail } from '../layout/CollapsedRail';
import { paneLimits, usePaneLayout } from '../layout/usePaneLayout';
import { useEditorMinWidth } from '../layout/useEditorMinWidth';
import { toggleFullScreen } from '../layout/fullScreen';
import { useTargetLength } from '../layout/useTargetLength';
import { PaneErrorBoundary } from '../layout/PaneErrorBoundary';
import { StatusBar } from '../layout/StatusBar';
import { PlainTextPane } from '../editor/PlainTextPane';
import { TabsBar } from '../layout/TabsBar';
import { WorkbenchLayout } from '../layout/WorkbenchLayout';
import { LibrarySidebar } from '../library/LibrarySidebar';
import { useLibraryEntries } from '../library/useLibraryEntries';
import { useFileSafety } from '../files/useFileSafety';
import { StorageWarnings } from '../files/StorageWarnings';
import { PreviewPane } from '../preview/PreviewPane';
import { useRenderProfile } from '../preview/useRenderProfile';
import { PreviewController } from '../preview/previewController';
import type { AssetUrlPattern } from '../preview/previewModel';
import { SettingsPanel, settingsSections } from '../settings/SettingsPanel';
import { desktopSettingsSection } from '../desktop/DesktopSettings';
import { restoreSession, useDesktopIntegration } from '../desktop/useDesktopIntegration';
import { useAppliedTheme, useEditorFontSize } from '../theme/useTheme';
import { Toolbar } from '../toolbar/Toolbar';
import type { Connection } from '../transport/connect';
import { DocumentStore } from '../document/documentStore';
import type { CommandHandler } from '../workbench/commandHandlers';
import { CommandHandlers, CommandHandlersContext } from '../workbench/commandHandlers';
import { commandKeymap } from './commandKeymap';
import { EditorSession } from '../workbench/editorSession';
import { useImageImport } from './useImageImport';
import { useLatest } from '../workbench/useLatest';
import { installGlobalShortcuts, isMacPlatform } from '../workbench/shortcuts';
import { requestPanelCommand } from '../panels/panelCommands';
import { sidePanels } from './sidePanels';
import type { ArticleTab, Workbench } from '../workbench/workbenchContext';
import { WorkbenchContext } from '../workbench/workbenchContext';
import { ExportDialogHost } from '../export/ExportDialog';
import { useEncodingChoice } from '../files/EncodingChoice';
import { requestErrorText } from '../files/requestErrorText';
import { useArticleDrop } from '../files/useArticleDrop';
import { UntitledCloseDialog } from '../files/UntitledCloseDialog';
import { PrintHost } from '../export/PrintHost';
import { AppMenuButton } from '../palette/AppMenuButton';
import { PaletteHost } from '../palette/PaletteHost';
import { StartScreen } from '../palette/StartScreen';
import { useRecents } from '../palette/useRecents';

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

const panelIds = sidePanels.map((panel) => panel.id);
const defaultPanels = sidePanels.filter((panel) => panel.defaultOpen).map((panel) => panel.id);

const titleOf = (path: string, entries: readonly LibraryEntry[]): string =>
  entries.find((e) => e.path === path)?.title ?? path.split('/').pop() ?? path;

export function App({ connection, info, initialSettings }: AppProps): React.JSX.Element {
  const { api } = connection;
  const { t, i18n } = useTranslation();
  const [settings, setSettings] = useState(initialSettings);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  // Library rows, updated row by row from library.changed (renderer/library).
  const { entries } = useLibraryEntries(api);
  // Every open article lives in the document store; the shell only shows it.
  // Autosave follows the setting (store.setAutosave below).
  const store = useMemo(() => new DocumentStore({ api }), [api]);
  useEffect(() => () => store.dispose(), [store]);
  const documents = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const activeId = documents.activeId;
  const tabs = useMemo<ArticleTab[]>(
    () =>
      documents.documents.map((info) => ({
        ...info,
        title: info.untitled
          ? t('tabs.untitled', { name: info.path })
          : titleOf(info.path, entries),
      })),
    [documents, entries, t],
  );
  const [messages, setMessages] = useState<string[]>([]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Articles a pane failed on: shown as plain text on request, never reopened by a restart.
  const [crashedPaths, setCrashedPaths] = useState<ReadonlySet<string>>(new Set());
  const [plainTextIds, setPlainTextIds] = useState<ReadonlySet<string>>(new Set());
  const [sidebarVisible, setSidebarVisible] = useState(true);

  const handlers = useMemo(() => new CommandHandlers(), []);
  const session = useMemo(() => new EditorSession(), []);
  // However a tab closes, the editor session lets go of its document.
  useEffect(() => session.follow(store), [session, store]);
  const preview = useMemo(
    () => new PreviewController(assetUrlPattern(connection.assetUrl)),
    [connection.assetUrl],
  );
  const tabsRef = useLatest(tabs);
  const entriesRef = useLatest(entries);
  const activeTab = tabs.find((tab) => tab.id === activeId) ?? null;
  const renderProfile = useRenderProfile(api, activeId);
  const activeRef = useLatest(activeTab);
  // The workspace article shown (an untitled article's name is no path of the workspace).
  const activePath = activeTab && !activeTab.untitled ? activeTab.path : null;
  const activeDocument = activeId === null ? null : store.get(activeId);

  const theme = useAppliedTheme(settings.theme);
  const settingsRef = useLatest(settings);
  const themeRef = useLatest(theme);
  useEditorFontSize(settings.editorFontSize);
  const editorMinWidth = useEditorMinWidth(settings.editorFontSize, settings.lineNumbers);
  const panes = usePaneLayout({
    api,
    workspaceRoot: workspace?.root ?? null,
    panelIds,
    defaultPanels,
    libraryShown: sidebarVisible,
    mainMin:
      editorMinWidth +
      (settings.layout === 'split' ? paneLimits.divider + paneLimits.previewMin : 0),
    // Split view: the preview's fair share is three quarters of the editor's minimum.
    mainPreferred:
      editorMinWidth +
      (settings.layout === 'split'
        ? paneLimits.divider + Math.max(paneLimits.previewMin, Math.round(editorMinWidth * 0.75))
        : 0),
  });
  const { showPanel, togglePanel, closePanel } = panes;
  const targetLength = useTargetLength(api, session);
  const locale = pickLocale(settings.locale, info.systemLocale);
  useEffect(() => void changeUiLocale(locale), [locale]);

  const { dialog: encodingDialog, choose: chooseEncoding } = useEncodingChoice();
  useEffect(() => store.setEncodingChooser(chooseEncoding), [store, chooseEncoding]);
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
      const known = store.byPath(path) !== null;
      try {
        const doc = await store.open(path);
        if (!known && doc.info.warnings.length > 0)
          notify(doc.info.warnings.map((w) => t(`files.openWarnings.${w.code}`, w)).join(' '));
      } catch (error) {
        if ((error as Error).name === 'open-cancelled') return;
        const message = requestErrorText(t, (key) => i18n.exists(key), error, { path });
        notify(t('errors.openFailed', { path, message }));
      }
    },
    [store, notify, t, i18n],
  );
  const openStandalone = useCallback(
    async (file: StandaloneFile) => {
      try {
        await store.openStandalone(file);
      } catch (error) {
        if ((error as Error).name === 'open-cancelled') return;
        const message = requestErrorText(t, (key) => i18n.exists(key), error, { path: file.path });
        notify(t('errors.openFailed', { path: file.location, message }));
      }
    },
    [store, notify, t, i18n],
  );
  const setActiveId = useCallback((id: string) => store.activate(id), [store]);
  useEffect(() => store.setAutosave(settings.autosave), [store, settings.autosave]);
  useEffect(
    () =>
      api.on('article.changedOnDisk', ({ workspace, path, stamp }) =>
        store.diskChanged(workspace, path, stamp),
      ),
    [api, store],
  );
  useEffect(
    () => api.on('article.moved', ({ workspace, from, to }) => store.moved(workspace, from, to)),
    [api, store],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const current = await api['workspace.current']();
      if (cancelled) return;
      store.setWorkspace(current.id);
      setWorkspace(current);
    })();
    return () => {
      cancelled = true;
    };
  }, [api, store]);

  // Open the welcome article (or the first one) once the library is known.
  const openedFirst = useRef(false);
  useEffect(() => {
    if (openedFirst.current || entries.length === 0) return;
    openedFirst.current = true;
    // The workspace's tabs from last time (or the welcome article), see renderer/desktop.
    void restoreSession(api, entries, openArticle, () => store.activationRequests);
  }, [api, entries, openArticle, store]);

  // An untitled article being closed: Save / Don't Save / Cancel.
  const [closingUntitled, setClosingUntitled] = useState<ArticleTab | null>(null);
  const closeTab = useCallback(
    (id: string) => {
      const list = tabsRef.current;
      const tab = list.find((x) => x.id === id);
      if (!tab) return;
      if (tab.untitled) {
        setClosingUntitled(tab);
        return;
      }
      if (tab.dirty && !window.confirm(t('tabs.confirmClose', { title: tab.title }))) return;
      store.close(id);
    },
    [t, store, tabsRef, setClosingUntitled],
  );

  // Saving, conflicts, autosave, crash journal, disk changes, history, article actions (renderer/files).
  const files = useFileSafety({
    api,
    store,
    handlers,
    tabs,
    activeTab,
    entries,
    openArticle,
    closeTab,
    notify,
  });
  const save = useCallback(async () => {
    await store.save();
  }, [store]);

  const paneCrashed = useCallback(() => {
    const path = activeRef.current?.path;
    if (path) setCrashedPaths((paths) => new Set(paths).add(path));
  }, [activeRef]);

  // Recent articles and workspaces: the start screen, the palette and the browser-mode menu.
  const hasUnsavedArticles = useCallback(() => store.dirtyDocuments.length > 0, [store]);
  const recents = useRecents({
    api,
    workspace,
    activePath,
    entries,
    openArticle,
    hasUnsavedArticles,
    notify,
  });

  const importImages = useImageImport({ api, session, activeTab, notify });
  const openUntitled = useCallback(
    async (name: string, text: string) => void (await store.openUntitled(name, text)),
    [store],
  );
  useArticleDrop({
    api,
    droppedFilePath: connection.droppedFilePath,
    openArticle,
    openStandalone,
    openUntitled,
    notify,
  });
  // Dialogs, files opened from the OS, the unsaved-changes guard and session restore.
  const desktop = useDesktopIntegration({
    api,
    info,
    handlers,
    tabs,
    activeId,
    workspaceRoot: workspace?.root ?? null,
    workspaceId: workspace?.id ?? null,
    openArticle,
    openStandalone,
    notify,
    currentText: () => session.text(),
    placeUntitled: async (tabId, path, overwrite) =>
      (await store.get(tabId)?.saveAs(path, overwrite)) ?? { status: 'skipped' },
    crashedPaths,
    flushJournals: () => store.flushJournals(),
    saveAll: async () => {
      const result = await store.saveAll();
      // Each document by its own tab's title: an untitled one may bear a workspace article's name.
      const named = (document: ArticleDocument) => ({
        path: document.path,
        title:
          tabsRef.current.find((tab) => tab.id === document.id)?.title ??
          titleOf(document.path, entriesRef.current),
      });
      return {
        failed: result.failed.map(({ document }) => ({
          ...named(document),
          tabId: document.id,
          untitled: document.info.untitled,
        })),
        stillDirty: store.dirtyDocuments.map(named),
      };
    },
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
      // An untitled article has no file to save to: Save As places it.
      'file.save': () => (activeRef.current?.untitled ? handlers.run('file.saveAs') : void save()),
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
      'view.fullScreen': () =>
        void toggleFullScreen(api, info.transport).catch((error: Error) => notify(error.message)),
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
      // The references panel registers its own citation picker, which takes precedence.
      'insert.citation': inEditor(format.insertFootnote),
    };
    for (const panel of sidePanels) {
      for (const command of panel.openWith ?? []) {
        own[command] = () => {
          showPanel(panel.id);
          requestPanelCommand(panel.id, command);
        };
      }
      if (!panel.toggleCommand) continue;
      own[panel.toggleCommand] = () => togglePanel(panel.id);
    }
    return handlers.registerAll(own);
  }, [
    api,
    info.transport,
    notify,
    showPanel,
    togglePanel,
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
    () => ({
      onSave: () => void handlers.run('file.save'),
      onImportImages: importImages.importFiles,
    }),
    [handlers, importImages.importFiles],
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

  const shownPanels = sidePanels.filter((panel) => panes.panels.open.includes(panel.id));

  return (
    <CommandHandlersContext.Provider value={handlers}>
      <WorkbenchContext.Provider value={workbench}>
        <ExportDialogHost />
        <PrintHost />
        <PaletteHost platform={info.platform} recents={recents} notify={notify} />
        <WorkbenchLayout
          libraryWidth={panes.fit.library}
          librarySplitter={<PaneSplitter pane="library" panes={panes} />}
          sideWidth={panes.fit.side}
          sideSplitter={<PaneSplitter pane="side" panes={panes} />}
          rail={
            <CollapsedRail
              collapsed={panes.fit.collapsed}
              peek={panes.peek}
              onPeek={panes.setPeek}
            />
          }
          peek={panes.peek}
          sidebar={
            sidebarVisible ? (
              <LibrarySidebar
                workspaceName={workspace.name}
                entries={entries}
                selectedPath={activePath}
                onSelect={(path) => void openArticle(path)}
                tools={files.libraryTools}
              />
            ) : undefined
          }
          tabs={
            <TabsBar tabs={tabs} activeId={activeId} onSelect={setActiveId} onClose={closeTab} />
          }
          toolbar={
            <div className="toolbar-row">
              {info.transport === 'web' ? (
                <AppMenuButton platform={info.platform} recents={recents} />
              ) : null}
              <Toolbar platform={info.platform} pressed={pressed} viewGroups={viewGroups} />
            </div>
          }
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
              <StorageWarnings api={api} />
              {files.banners}
            </>
          }
          main={
            <SplitView
              layout={settings.layout}
              ratio={settings.splitRatio}
              editorMinWidth={editorMinWidth}
              onRatioChange={(splitRatio) => updateSettings({ splitRatio })}
              editor={
                <PaneErrorBoundary
                  paneName={t('editor.label')}
                  resetKey={activeId}
                  onCrash={paneCrashed}
                  onReopenPlain={() =>
                    activeId && setPlainTextIds((ids) => new Set(ids).add(activeId))
                  }
                >
                  {activeDocument && plainTextIds.has(activeDocument.id) ? (
                    <PlainTextPane document={activeDocument} />
                  ) : (
                    <EditorPane
                      document={activeDocument}
                      session={session}
                      config={editorConfig}
                      callbacks={editorCallbacks}
                      extensions={keymapExtension}
                    />
                  )}
                  {activeTab ? null : <StartScreen platform={info.platform} recents={recents} />}
                </PaneErrorBoundary>
              }
              preview={
                <PaneErrorBoundary
                  paneName={t('preview.label')}
                  resetKey={activeId}
                  onCrash={paneCrashed}
                  onReopenPlain={() => updateSettings({ layout: 'editor' })}
                >
                  <PreviewPane
                    session={session}
                    controller={preview}
                    articlePath={activeTab?.path ?? null}
                    hidden={settings.layout === 'editor'}
                    profile={renderProfile}
                  />
                </PaneErrorBoundary>
              }
            />
          }
          sidePanels={
            shownPanels.length > 0 ? (
              <SideColumn
                activeId={panes.panels.active}
                onActivate={showPanel}
                panels={shownPanels.map(({ id, titleKey, Component }) => ({
                  id,
                  title: t(titleKey),
                  render: () => (
                    <PaneErrorBoundary
                      paneName={t(titleKey)}
                      resetKey={activeId}
                      onCrash={paneCrashed}
                      onReopenPlain={() => closePanel(id)}
                    >
                      <Component onClose={() => closePanel(id)} />
                    </PaneErrorBoundary>
                  ),
                }))}
              />
            ) : undefined
          }
          statusBar={
            <StatusBar
              tab={activeTab}
              session={session}
              stats={preview.stats}
              target={targetLength}
            />
          }
          overlays={
            <>
              {encodingDialog}
              {settingsOpen ? (
                <SettingsPanel
                  settings={settings}
                  update={updateSettings}
                  sections={[...settingsSections, desktopSettingsSection]}
                  onClose={() => setSettingsOpen(false)}
                />
              ) : null}
              {files.overlays}
              {closingUntitled ? (
                <UntitledCloseDialog
                  title={closingUntitled.path}
                  onSave={() => {
                    const id = closingUntitled.id;
                    setClosingUntitled(null);
                    void desktop.saveAs(id).then((placed) => {
                      if (placed) store.close(id);
                    });
                  }}
                  onDiscard={() => {
                    store.close(closingUntitled.id);
                    setClosingUntitled(null);
                  }}
                  onCancel={() => setClosingUntitled(null)}
                />
              ) : null}
            </>
          }
        />
      </WorkbenchContext.Provider>
    </CommandHandlersContext.Provider>
  );
}
