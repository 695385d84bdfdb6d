/**
 * The whole trust boundary between renderer and main, in one reviewable file.
 *
 * Every request the renderer may make and every event main may push is listed here with a
 * runtime schema. Both transports (Electron IPC and browser-mode HTTP) parse inputs with these
 * schemas before any service sees them, so a compromised renderer can only send shapes we expect.
 */
import { z } from 'zod';
import { commandIds } from '../commands/commandRegistry';
import { referenceRequests } from '../citations/referenceSchemas';
import { exportEvents, exportRequests } from '../export/exportContract';
import { WorkspaceImage, WorkspaceSchema } from '../frontMatterSchema/schemaTypes';

/** Workspace-relative POSIX path. Main resolves it and refuses anything that escapes the workspace. */
export const ArticlePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'NUL in path');

/**
 * Names one workspace or one-file grant that main issued (opaque, per run of main). Every request
 * that names a file carries it; main resolves the path against that identity's root only and
 * refuses an id it did not issue or has revoked (`unknown-workspace`), never falling back to
 * whichever workspace is current.
 */
export const WorkspaceId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);
const inWorkspace = { workspace: WorkspaceId };

/** A file's dominant line ending: what new lines get on save (every other line keeps its own). */
export const Eol = z.enum(['\n', '\r\n', '\r']);
export const TextEncodingName = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5']);

/** Size + mtime + content hash: what we knew about the file when we last read or wrote it. */
export const FileStamp = z.object({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  hash: z.string(),
});

export const WorkspaceInfo = z.object({
  id: WorkspaceId,
  root: z.string(),
  name: z.string(),
  recent: z.array(z.string()),
});

export const RenderProfileSchema = z.object({
  origin: z.enum(['hugo-site', 'workspace']),
  unsafe: z.boolean(),
  hardWraps: z.boolean(),
  typographer: z.boolean(),
  linkify: z.boolean(),
  strikethrough: z.boolean(),
  table: z.boolean(),
  footnote: z.boolean(),
  definitionList: z.boolean(),
  cjk: z.boolean(),
  headingAttributes: z.boolean(),
  baseURL: z.string().max(2000),
  site: z
    .object({
      shortcodes: z.array(z.string().max(200)).max(5000),
      params: z.record(z.string(), z.unknown()),
      permalinks: z.record(z.string(), z.string().max(2000)),
      contentDir: z.string().max(1000),
      imageCaptions: z.boolean(),
    })
    .optional(),
});

export const LibraryEntry = z.object({
  path: ArticlePath,
  title: z.string(),
  date: z.string().nullable(),
  draft: z.boolean(),
  tags: z.array(z.string()),
  topics: z.array(z.string()),
  /** Null while the library is still counting (words are counted after the first listing). */
  words: z.number().int().nonnegative().nullable(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  frontMatterError: z.string().nullable(),
});

/** Library rows for some paths after `library.changed`; paths no longer in the library come back in `removed`. */
export const LibraryEntries = z.object({
  entries: z.array(LibraryEntry),
  removed: z.array(ArticlePath),
});

export const SearchHit = z.object({
  path: ArticlePath,
  title: z.string(),
  /** 1-based line of the first match, and that line shortened around the match. */
  line: z.number().int().positive(),
  snippet: z.string(),
  matches: z.number().int().positive(),
});

/** Opaque ids minted by main for trash items and history snapshots: never a path. */
export const OpaqueId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);

export const TrashItem = z.object({
  id: OpaqueId,
  /** Where the article was; restore puts it back there (or next to it if the name is taken). */
  path: ArticlePath,
  deletedAt: z.number(),
  /** A Hugo page bundle: the whole folder was trashed with its index.md. */
  bundle: z.boolean(),
});

export const TrashListing = z.object({
  /** False in the desktop app: items went to the system trash and are restored from there. */
  canRestore: z.boolean(),
  items: z.array(TrashItem),
});

export const HistoryEntry = z.object({
  id: OpaqueId,
  savedAt: z.number(),
  size: z.number().int().nonnegative(),
  hash: z.string(),
  /** `disk`: a version Byline did not write, kept before Byline replaced it. */
  source: z.enum(['byline', 'disk']).optional(),
  /** The first version Byline saw (before its first save): never pruned. */
  pinned: z.boolean().optional(),
  /** False when Byline could not decode these bytes: read them with `history.readBytes` or a chosen encoding. */
  readable: z.boolean().optional(),
});

/** One way to read a file whose encoding Byline would not guess, with the start of the text it gives. */
export const EncodingCandidate = z.object({
  encoding: TextEncodingName,
  preview: z.string(),
});

/** How the file's bytes were laid out; sent back unchanged on save so it is written the same way. */
export const TextFormat = z.object({
  encoding: TextEncodingName,
  bom: z.boolean(),
  eol: Eol,
});

/** Why a file opened read-only, as a code the renderer words in the UI language. */
export const OpenWarning = z.discriminatedUnion('code', [
  /** Larger than Byline edits (it stays responsive); `megabytes` is the file's size. */
  z.object({ code: z.literal('large-file'), megabytes: z.number().nonnegative() }),
  /** The file is read-only or the writer may not change it. */
  z.object({ code: z.literal('read-only-file') }),
  /** The article is itself a symbolic link: edits would land in another file. */
  z.object({ code: z.literal('symlinked') }),
]);

export const OpenedArticle = z.object({
  path: ArticlePath,
  /** Text with the BOM removed and line endings as in the file. */
  text: z.string(),
  stamp: FileStamp,
  format: TextFormat,
  readOnly: z.boolean(),
  /** Why the file opened read-only (size limit, permissions, a symbolic link). */
  warnings: z.array(OpenWarning),
});

export const SaveRequest = z.object({
  ...inWorkspace,
  path: ArticlePath,
  text: z.string(),
  format: TextFormat,
  /** The stamp the renderer's buffer is based on; main refuses to overwrite a file that differs. */
  baseStamp: FileStamp.nullable(),
  /** Set only after the writer explicitly chose "keep mine" in a conflict. */
  overwrite: z.boolean().default(false),
  /**
   * The writer chose to save an article whose file is gone. Without it, a save of a version read
   * from disk that finds no file is refused (`missing-on-disk`): a save already on its way when
   * the file was trashed, moved or deleted never brings it back.
   */
  recreate: z.boolean().optional(),
});

/** An unsaved buffer kept in the app data folder so a crash loses at most the last second of typing. */
export const StoredJournalEntry = z.object({
  path: ArticlePath,
  text: z.string(),
  format: TextFormat,
  /** The disk version the buffer was based on: restoring then saving still detects conflicts. */
  baseStamp: FileStamp.nullable(),
  savedAt: z.number(),
  /** The document session (window + tab) the buffer belongs to, and its revision. */
  stream: OpaqueId.optional(),
  revision: z.number().int().nonnegative().optional(),
  /** An article with no file yet (`path` is only its name): restored as untitled, never into a file. */
  untitled: z.boolean().optional(),
});
export const JournalEntry = StoredJournalEntry.extend({
  /** Names the entry for `journal.discard`. */
  id: OpaqueId,
  /** The article is no longer at `path` (moved or deleted since): restore into a new article. */
  missing: z.boolean().optional(),
});

export const SaveResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), stamp: FileStamp }),
  z.object({
    status: z.literal('conflict'),
    diskText: z.string(),
    diskStamp: FileStamp,
    /** How the disk version's bytes were read: taking that version saves it back the same way. */
    diskFormat: TextFormat,
  }),
  z.object({ status: z.literal('error'), code: z.string(), message: z.string() }),
  /**
   * The file changed on disk into bytes that read cleanly in several encodings (a short Big5 or
   * GB18030 text): nothing is guessed. The writer chooses as when opening (`article.encodings`,
   * then `article.open` with `encoding`).
   */
  z.object({ status: z.literal('conflict-choose-encoding'), diskStamp: FileStamp }),
  /**
   * The file changed on disk and Byline cannot decode the new bytes: never shown as (empty) text.
   * Main kept that version in history; the writer saves theirs as a copy (`article.saveCopy`) or
   * overwrites on purpose (`overwrite: true`, the disk version stays in history).
   */
  z.object({
    status: z.literal('conflict-unreadable'),
    code: z.literal('unreadable-on-disk'),
    message: z.string(),
    diskStamp: FileStamp,
  }),
]);

export const Locale = z.enum(['en', 'zh-CN']);
export const ThemePreference = z.enum(['system', 'light', 'dark']);
export const ReferencesStyle = z.enum(['news', 'apa', 'gb-t-7714']);
export const ExportFormat = z.enum(['html', 'pdf', 'docx', 'hugo', 'wechat', 'txt']);
export const DefaultExportOptions = z.object({
  format: ExportFormat,
  /** Absolute folder for exports; null means next to the article. */
  outputDir: z.string().max(4096).nullable(),
  openWhenDone: z.boolean(),
});
export const Settings = z.object({
  locale: z.union([Locale, z.literal('system')]),
  theme: ThemePreference,
  autosave: z.boolean(),
  editorFontSize: z.number().int().min(10).max(32),
  layout: z.enum(['editor', 'split', 'preview']),
  /** Editor share of the split view's width (the draggable divider). */
  splitRatio: z.number().min(0.2).max(0.8),
  lineNumbers: z.boolean(),
  /** Dims everything but the paragraph being written. */
  focusMode: z.boolean(),
  /** Keeps the line being written in the middle of the editor. */
  typewriterMode: z.boolean(),
  /** Spell checking in the editor; on Windows/Linux it also needs at least one language below. */
  spellcheck: z.boolean(),
  /** BCP 47 codes (en-US, de-DE...). Choosing one may download its dictionary once; see docs/offline.md. */
  spellcheckLanguages: z.array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)).max(20),
  /** How managed footnote definitions are formatted. */
  referencesStyle: ReferencesStyle,
  /** Defaults for the export dialog; per-workspace choices override them. */
  defaultExport: DefaultExportOptions,
  /** Off by default: Byline makes no network request unless the writer turns this on. */
  checkForUpdates: z.boolean(),
});
export const SettingsPatch = Settings.partial();

export const AppInfo = z.object({
  transport: z.enum(['electron', 'web']),
  platform: z.string(),
  version: z.string(),
  systemLocale: z.string(),
  /** Spell-checker languages this platform offers (Electron on Windows/Linux); absent elsewhere. */
  spellcheckLanguages: z.array(z.string()).optional(),
});

/** Outcome of a native file dialog. Browser mode has none and answers `unavailable`: the renderer then asks itself. */
export const PickResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('picked'), path: z.string() }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('unavailable') }),
]);
export const DialogOptions = z.object({
  title: z.string().max(200).optional(),
  /** Absolute folder or file the dialog starts at. */
  defaultPath: z.string().max(4096).optional(),
});
export const SaveAsKind = z.enum(['markdown', 'html', 'pdf', 'docx', 'txt', 'zip']);
/** A document with unsaved changes, as the renderer reports it for the close/quit guard. */
export const DirtyDocument = z.object({ path: ArticlePath, title: z.string().max(500) });
/** A file outside the workspace, opened on its own under a one-file grant (only it is reachable through `workspace`). */
export const StandaloneFile = z.object({
  workspace: WorkspaceId,
  /** The file's name: the one path the grant reaches. */
  path: ArticlePath,
  /** Where it is, for the tab's tooltip. */
  location: z.string(),
});
/**
 * Opening an absolute path: a folder becomes the workspace; an article inside the workspace opens
 * in it (`article`); one outside opens as a standalone file (`standalone`), the workspace unchanged.
 */
export const OpenPathResult = z.object({
  workspace: WorkspaceInfo,
  article: ArticlePath.nullable(),
  standalone: StandaloneFile.nullable(),
});
/** Open tabs of the current workspace, restored on restart. */
export const SessionState = z.object({
  openTabs: z.array(ArticlePath).max(200),
  activeTab: ArticlePath.nullable(),
});

/** How a workspace's window was arranged: pane widths in CSS pixels and the docked side panels. */
export const PaneLayout = z.object({
  libraryWidth: z.number().int().min(120).max(1200),
  sideWidth: z.number().int().min(160).max(1600),
  /** Side panels shown as tabs of the side column, in tab order (ids from renderer/app/sidePanels.ts). */
  openPanels: z.array(z.string().min(1).max(64)).max(20),
  activePanel: z.string().min(1).max(64).nullable(),
});

/** An image pasted or dropped into an article; main copies it into the workspace under a safe, unique name. */
export const AssetImportRequest = z.object({
  ...inWorkspace,
  articlePath: ArticlePath,
  fileName: z.string().min(1).max(255),
  /** The file's bytes in base64 (at most 25 MB decoded; main checks the real type from the bytes). */
  dataBase64: z.string().max(34 * 1024 * 1024),
});
export const AssetImportResult = z.object({
  /** Workspace-relative path of the copy. */
  path: ArticlePath,
  /** The link target to write in the article (relative to it, or site-absolute in a Hugo site). */
  markdownPath: z.string(),
});

/** App data Byline keeps beside the articles; writing either may fail on a full or read-only disk. */
export const StorageArea = z.enum(['journal', 'history']);

/** An article's version in history as raw bytes (for versions Byline cannot decode). */
export const HistoryBytes = z.object({
  size: z.number().int().nonnegative(),
  /** Hex dump of the first bytes (`offset  hex  |ascii|` lines). */
  dump: z.string(),
  truncated: z.boolean(),
});

/** Request map: name -> input/output schemas. */
export const requests = {
  'app.info': { input: z.void(), output: AppInfo },
  'workspace.current': { input: z.void(), output: WorkspaceInfo },
  'workspace.open': { input: z.object({ root: z.string().min(1) }), output: WorkspaceInfo },
  'library.list': { input: z.void(), output: z.array(LibraryEntry) },
  'library.entries': {
    input: z.object({ paths: z.array(ArticlePath).max(10_000) }),
    output: LibraryEntries,
  },
  'library.search': {
    input: z.object({
      query: z.string().min(1).max(200),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(SearchHit),
  },
  /**
   * Without `encoding`, main decides it (BOM, strict UTF-8, the file's and the workspace's earlier
   * encoding) or refuses with code `choose-encoding` when the bytes fit several; `encoding` is the
   * writer's choice among `article.encodings`.
   */
  'article.open': {
    input: z.object({ ...inWorkspace, path: ArticlePath, encoding: TextEncodingName.optional() }),
    output: OpenedArticle,
  },
  /** The readings of a file that refused with `choose-encoding`, most likely first, each with a preview. */
  'article.encodings': {
    input: z.object({ ...inWorkspace, path: ArticlePath }),
    output: z.array(EncodingCandidate),
  },
  'article.save': { input: SaveRequest, output: SaveResult },
  /** The renderer no longer shows this article: stop sending article.changedOnDisk for it. */
  'article.close': { input: z.object({ ...inWorkspace, path: ArticlePath }), output: z.void() },
  'article.create': {
    input: z.object({
      ...inWorkspace,
      title: z.string().max(500),
      /** Workspace-relative folder; '' for the workspace root. */
      folder: z
        .string()
        .max(4096)
        .refine((p) => !p.includes('\0'), 'NUL in path')
        .default(''),
      /** Hugo page bundle: `<slug>/index.md` instead of `<slug>.md`. */
      bundle: z.boolean().default(false),
    }),
    output: z.object({ path: ArticlePath }),
  },
  /** New file name (extension optional); for a page bundle's index.md the folder is renamed. */
  'article.rename': {
    input: z.object({ ...inWorkspace, path: ArticlePath, name: z.string().min(1).max(255) }),
    output: z.object({ path: ArticlePath }),
  },
  'article.duplicate': {
    input: z.object({ ...inWorkspace, path: ArticlePath }),
    output: z.object({ path: ArticlePath }),
  },
  /** `id` is the trash item to restore (undo), null when the article went to the system trash. */
  'article.trash': {
    input: z.object({ ...inWorkspace, path: ArticlePath }),
    output: z.object({ restorable: z.boolean(), id: OpaqueId.nullable() }),
  },
  'trash.list': { input: z.object(inWorkspace), output: TrashListing },
  'trash.restore': {
    input: z.object({ ...inWorkspace, id: OpaqueId }),
    output: z.object({ path: ArticlePath }),
  },
  /**
   * A buffer's text for crash recovery. `stream` names one editor buffer (page load + tab) and
   * `revision` its version: a write carries the whole text, or only the editor's changes since
   * the stream's previous write or base (CodeMirror ChangeSet JSON), so typing in a 1 MB article
   * sends a few bytes. `needsText`: main has no matching base; send the whole text.
   */
  'journal.write': {
    input: z.object({
      ...inWorkspace,
      path: ArticlePath,
      format: TextFormat,
      baseStamp: FileStamp.nullable(),
      stream: OpaqueId,
      revision: z.number().int().nonnegative(),
      untitled: z.boolean().optional(),
      content: z.union([
        z.object({ text: z.string() }),
        z.object({ baseRevision: z.number().int().nonnegative(), changes: z.array(z.unknown()) }),
      ]),
    }),
    output: z.object({ status: z.enum(['written', 'needsText']) }),
  },
  /** The text later changes of `stream` apply to (sent in idle time when a buffer is shown); writes nothing. */
  'journal.base': {
    input: z.object({
      ...inWorkspace,
      path: ArticlePath,
      stream: OpaqueId,
      revision: z.number().int().nonnegative(),
      text: z.string(),
    }),
    output: z.void(),
  },
  'journal.list': { input: z.object(inWorkspace), output: z.array(JournalEntry) },
  /**
   * `id`: the writer threw the entry away. `stream` + `savedRevision`: a save wrote that revision
   * of the buffer; its entry goes only if it holds no newer revision.
   */
  'journal.discard': {
    input: z.union([
      z.object({ ...inWorkspace, id: OpaqueId }),
      z.object({
        ...inWorkspace,
        stream: OpaqueId,
        savedRevision: z.number().int().nonnegative(),
      }),
    ]),
    output: z.void(),
  },
  'history.list': {
    input: z.object({ ...inWorkspace, path: ArticlePath }),
    output: z.array(HistoryEntry),
  },
  /** `encoding` re-decodes the version with the writer's choice (for one Byline could not decode itself). */
  'history.read': {
    input: z.object({
      ...inWorkspace,
      path: ArticlePath,
      id: OpaqueId,
      encoding: TextEncodingName.optional(),
    }),
    output: z.object({
      text: z.string(),
      /** Characters that did not decode in the chosen encoding (shown as U+FFFD). */
      replaced: z.number().int().nonnegative().optional(),
    }),
  },
  'history.readBytes': {
    input: z.object({ ...inWorkspace, path: ArticlePath, id: OpaqueId }),
    output: HistoryBytes,
  },
  /** Save the buffer next to the article under a new name (`<name>-mine.md`); never replaces a file. */
  'article.saveCopy': {
    input: z.object({ ...inWorkspace, path: ArticlePath, text: z.string(), format: TextFormat }),
    output: z.object({ path: ArticlePath }),
  },
  'settings.get': { input: z.void(), output: Settings },
  'settings.update': { input: SettingsPatch, output: Settings },
  'dialog.pickFolder': { input: DialogOptions, output: PickResult },
  'dialog.pickFile': { input: DialogOptions, output: PickResult },
  'dialog.saveAs': { input: DialogOptions.extend({ kind: SaveAsKind }), output: PickResult },
  'workspace.openPath': {
    input: z.object({ path: z.string().min(1).max(4096) }),
    output: OpenPathResult,
  },
  /**
   * The renderer reports its unsaved documents whenever that set changes, and after every
   * `file.saveAll` (`afterSaveAll`: every save that request started has answered).
   */
  'window.setDirtyState': {
    input: z.object({
      dirty: z.array(DirtyDocument).max(1000),
      afterSaveAll: z.boolean().optional(),
    }),
    output: z.void(),
  },
  'session.get': { input: z.void(), output: SessionState },
  'session.update': { input: SessionState, output: SessionState },
  /** The current workspace's pane layout; null until one was saved. */
  'layout.get': { input: z.void(), output: PaneLayout.nullable() },
  'layout.update': { input: PaneLayout, output: z.void() },
  /** Electron: toggles the window's full screen and answers the new state. Browser mode answers false (the page uses the Fullscreen API). */
  'window.toggleFullScreen': { input: z.void(), output: z.boolean() },
  /** The front-matter schema: inferred from the workspace's articles, overridden by `.byline/schema.yml` (docs/front-matter-schema.md). */
  'workspace.schema': { input: z.void(), output: WorkspaceSchema },
  /** Image files of the workspace, for the featured-image picker. */
  'workspace.listImages': { input: z.void(), output: z.array(WorkspaceImage).max(20_000) },
  /** How the workspace renders Markdown: its Hugo site's Goldmark settings (docs/rendering.md). */
  'workspace.renderProfile': { input: z.void(), output: RenderProfileSchema },
  'asset.import': { input: AssetImportRequest, output: AssetImportResult },
  /** Reference manager: the workspace source library and citation styles; schemas in shared/citations/referenceSchemas.ts. */
  'references.list': referenceRequests.list,
  'references.add': referenceRequests.add,
  'references.import': referenceRequests.import,
  'references.export': referenceRequests.export,
  'references.format': referenceRequests.format,
  'references.restyle': referenceRequests.restyle,
  'references.getSettings': referenceRequests.getSettings,
  'references.updateSettings': referenceRequests.updateSettings,
  /** Exports: per-workspace options, batch export, clipboard rich text; schemas in shared/export/exportContract.ts. */
  'export.getSettings': exportRequests.getSettings,
  'export.saveSettings': exportRequests.saveSettings,
  'export.run': exportRequests.run,
  'export.renderForClipboard': exportRequests.renderForClipboard,
  'export.renderForPrint': exportRequests.renderForPrint,
  'export.printWindow': exportRequests.printWindow,
  'export.openOutput': exportRequests.openOutput,
} as const;

/** Event map: name -> payload schema. Main pushes these; the renderer subscribes. */
export const events = {
  'library.changed': z.object({ paths: z.array(ArticlePath) }),
  'article.changedOnDisk': z.object({
    workspace: WorkspaceId,
    path: ArticlePath,
    stamp: FileStamp.nullable(),
  }),
  /**
   * Byline renamed or moved an article (from any window): every window with it open follows, so
   * its next save writes `to` instead of recreating `from`.
   */
  'article.moved': z.object({ workspace: WorkspaceId, from: ArticlePath, to: ArticlePath }),
  /** Images of the workspace appeared, changed or went away (or a folder that may hold some). */
  'assets.changed': z.object({ paths: z.array(ArticlePath).max(10_000) }),
  /** A native menu item (or the close guard's "Save") asks the renderer to run a registry command. */
  'command.invoked': z.object({ id: z.enum(commandIds) }),
  /** Open this article of the current workspace (from the OS file manager, the command line or a recent file). */
  'article.openRequested': z.object({ path: ArticlePath }),
  /** Open this file from outside the workspace in its own tab (the OS gave it; main granted it). */
  'article.standaloneRequested': StandaloneFile,
  /** Main switched the workspace (recent workspace, opened file, second instance). */
  'workspace.changed': WorkspaceInfo,
  /** The journal or history could not be written (`problem`), or can be again (`problem: null`). */
  'storage.warning': z.object({
    area: StorageArea,
    problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  }),
  /** One article of an `export.run` batch finished. */
  'export.progress': exportEvents.progress,
  /** An article of an `export.run` batch starts a format. */
  'export.step': exportEvents.step,
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type LibraryEntry = z.output<typeof LibraryEntry>;
export type LibraryEntries = z.output<typeof LibraryEntries>;
export type SearchHit = z.output<typeof SearchHit>;
export type TrashItem = z.output<typeof TrashItem>;
export type TrashListing = z.output<typeof TrashListing>;
export type HistoryEntry = z.output<typeof HistoryEntry>;
export type JournalEntry = z.output<typeof JournalEntry>;
export type OpenedArticle = z.output<typeof OpenedArticle>;
export type OpenWarning = z.output<typeof OpenWarning>;
export type FileStamp = z.output<typeof FileStamp>;
export type TextFormat = z.output<typeof TextFormat>;
export type TextEncodingName = z.output<typeof TextEncodingName>;
export type EncodingCandidate = z.output<typeof EncodingCandidate>;
export type SaveResult = z.output<typeof SaveResult>;
export type WorkspaceInfo = z.output<typeof WorkspaceInfo>;
export type Settings = z.output<typeof Settings>;
export type AppInfo = z.output<typeof AppInfo>;
export type PickResult = z.output<typeof PickResult>;
export type DirtyDocument = z.output<typeof DirtyDocument>;
export type OpenPathResult = z.output<typeof OpenPathResult>;
export type StandaloneFile = z.output<typeof StandaloneFile>;
export type SessionState = z.output<typeof SessionState>;
export type PaneLayout = z.output<typeof PaneLayout>;
export type StorageArea = z.output<typeof StorageArea>;
export type HistoryBytes = z.output<typeof HistoryBytes>;

/** What the renderer sees, whichever transport carries it. */
export type BylineApi = {
  [N in RequestName]: (
    ...args: RequestInput<N> extends void ? [] : [input: RequestInput<N>]
  ) => Promise<RequestOutput<N>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Who sent a request: one Electron window or one browser-mode page, as its transport knows it.
 * Main keeps per-client state under it (which articles it has open) and drops that state when
 * the client goes away. Requests naming no client (tools, tests) share one that never goes away.
 */
export interface RequestCaller {
  readonly client: string;
}

/** Service side: main implements one handler per request with already-parsed input. */
export type RequestHandlers = {
  [N in RequestName]: (
    input: z.output<Requests[N]['input']>,
    caller?: RequestCaller,
  ) => Promise<RequestOutput<N>>;
};

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export { BylineError } from './bylineError';
