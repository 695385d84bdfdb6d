import { inlineSummarizer } from '../library/articleSummarizer';
import { WorkerSummarizer } from '../library/workerSummarizer';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EventSink, RequestHandlers, WorkspaceInfo } from '../../shared/ipc/contract';
import { BylineError } from '../../shared/ipc/contract';
import { importAsset } from '../assets/importAsset';
import { createExportHandlers } from '../export/exportHandlers';
import type { PdfPrinter } from '../export/pdfPrinter';
import { createDesktopHandlers } from '../desktop/desktopHandlers';
import { SessionStore } from '../desktop/sessionStore';
import { LayoutStore } from '../desktop/layoutStore';
import { createFileHandlers } from '../files/fileHandlers';
import { OpenArticles } from '../files/openArticles';
import { createLibraryHandlers } from '../library/libraryHandlers';
import { LibraryService } from '../library/libraryService';
import { createSchemaHandlers } from '../schema/schemaHandlers';
import { referencesHandlers } from '../references/referencesService';
import { SettingsStore } from '../settings/settingsStore';
import { ensureDefaultWorkspace } from '../workspace/defaultWorkspace';
import { sweepTempFiles } from '../workspace/sweepTempFiles';
import { assertWorkspace, WorkspaceIdentities } from '../workspace/workspaceIdentities';

export interface MainContext {
  /** App data folder: settings, crash journal, history. Never inside a workspace. */
  dataDir: string;
  /** Where the default workspace is created on first run. */
  documentsDir: string;
  /** Read-only app resources (welcome article, export themes). */
  assetsDir: string;
  transport: 'electron' | 'web';
  version: string;
  platform: string;
  systemLocale: string;
  /** A workspace given on the command line wins over the remembered one. */
  initialWorkspace?: string | undefined;
  emit: EventSink;
  /** Desktop: Electron's shell.trashItem. Browser mode leaves it out and keeps `.byline/trash`. */
  trashItem?: ((absolute: string) => Promise<void>) | undefined;
  /** Desktop: PDF export through webContents.printToPDF (main/export/pdfPrinter.ts). Default: headless Chromium. */
  pdfPrinter?: PdfPrinter | undefined;
  /** Desktop: Electron's shell.openPath, for "open when done" after an export. */
  openPath?: ((absolute: string) => Promise<void>) | undefined;
  /**
   * The bundled library worker (dist/main/libraryWorker.mjs): articles are read, parsed and
   * counted in a worker thread, so no article blocks main. Absent (tests): inline.
   */
  libraryWorker?: URL | undefined;
  /** Desktop: the system print dialog for the app window (File › Print prints the article). */
  printWindow?: (() => Promise<void>) | undefined;
}

export interface BylineMain {
  handlers: RequestHandlers;
  workspaceRoot(): string;
  /** The absolute path of `relativePath` under the identity `workspace` (for recent files). */
  locate(workspace: string, relativePath: string): string;
  /** Open tabs per workspace and recent files (desktop integration). */
  session: SessionStore;
  /**
   * A client (window, browser-mode page) went away: the articles it had open are no longer open
   * for it. Its transport calls this; `client` is the `RequestCaller.client` its requests carried.
   */
  releaseClient(client: string): void;
  dispose(): Promise<void>;
}

/** Composition root of the main-process services, shared by both transports. */
export async function createBylineMain(context: MainContext): Promise<BylineMain> {
  const settings = new SettingsStore(context.dataDir);
  await settings.load();

  let root = context.initialWorkspace ?? settings.workspaceRoot;
  if (!root || !(await isDirectory(root))) {
    root = await ensureDefaultWorkspace(context.documentsDir, context.assetsDir);
  }
  root = path.resolve(root);
  await settings.setWorkspace(root);

  const workspaceRoot = (): string => root as string;
  const identities = new WorkspaceIdentities();
  let current = identities.workspace(root);
  const openArticles = new OpenArticles();
  const summarizer = context.libraryWorker
    ? new WorkerSummarizer(context.libraryWorker)
    : inlineSummarizer;
  const library = new LibraryService({
    dataDir: context.dataDir,
    emit: context.emit,
    isOpen: (p) => openArticles.has(p),
    workspaceId: (libraryRoot) => identities.workspace(libraryRoot).id,
    summarizer,
  });
  const startLibrary = (workspace: string): void => {
    openArticles.clear();
    void library
      .open(workspace)
      .catch((error: unknown) => console.error('[byline] indexing failed', error));
    // Temp files of saves killed mid-write, in the workspace and in the app data (journal, history).
    for (const folder of [workspace, context.dataDir]) {
      void sweepTempFiles(folder).catch((error: unknown) =>
        console.error('[byline] temp file sweep failed', error),
      );
    }
  };
  startLibrary(root);
  const session = new SessionStore(context.dataDir);
  const layouts = new LayoutStore(context.dataDir);

  const workspaceInfo = (): WorkspaceInfo => ({
    id: current.id,
    root: workspaceRoot(),
    name: path.basename(workspaceRoot()),
    recent: settings.recentWorkspaces,
  });

  const handlers: RequestHandlers = {
    'app.info': async () => ({
      transport: context.transport,
      platform: context.platform,
      version: context.version,
      systemLocale: context.systemLocale,
    }),
    'workspace.current': async () => workspaceInfo(),
    'workspace.open': async ({ root: requested }) => {
      const absolute = path.resolve(requested);
      if (!(await isDirectory(absolute))) {
        throw new BylineError('not-a-folder', `"${requested}" is not a folder.`);
      }
      root = absolute;
      // Earlier identities stay valid: a window still showing that workspace keeps saving there.
      current = identities.workspace(absolute);
      startLibrary(absolute);
      await settings.setWorkspace(absolute);
      context.emit('library.changed', { paths: [] });
      context.emit('workspace.changed', workspaceInfo());
      return workspaceInfo();
    },
    ...createLibraryHandlers(library),
    ...createFileHandlers({
      dataDir: context.dataDir,
      identities,
      currentRoot: workspaceRoot,
      library,
      open: openArticles,
      trashItem: context.trashItem,
      emit: context.emit,
    }),
    'settings.get': async () => settings.settings,
    'settings.update': (patch) => settings.update(patch),
    'asset.import': async ({ workspace, ...input }) => {
      const scope = identities.resolve(workspace);
      assertWorkspace(scope, 'import images');
      return importAsset(scope.root, input);
    },
    'layout.get': () => layouts.get(workspaceRoot()),
    'layout.update': (layout) => layouts.update(workspaceRoot(), layout),
    // No window to make full screen here: browser mode's page uses the Fullscreen API itself.
    'window.toggleFullScreen': async () => false,
    ...referencesHandlers(workspaceRoot, context.assetsDir),
    ...createExportHandlers({ workspaceRoot, context, settings: () => settings.settings }),
    ...createSchemaHandlers(workspaceRoot),
    ...createDesktopHandlers({
      session,
      workspaceRoot,
      workspaceInfo,
      grantFile: (absolute) => identities.grantFile(absolute),
      openWorkspace: (requested) => handlers['workspace.open']({ root: requested }),
    }),
  };

  return {
    handlers,
    workspaceRoot,
    locate: (workspace, relativePath) =>
      path.join(identities.resolve(workspace).root, relativePath),
    session,
    releaseClient: (client) => openArticles.release(client),
    dispose: () => library.close().then(() => summarizer.close()),
  };
}

async function isDirectory(candidate: string): Promise<boolean> {
  try {
    return (await fs.stat(candidate)).isDirectory();
  } catch {
    return false;
  }
}
