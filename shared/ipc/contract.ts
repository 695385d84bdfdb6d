/**
 * The whole trust boundary between renderer and main, in one reviewable file.
 *
 * Every request the renderer may make and every event main may push is listed here with a
 * runtime schema. Both transports (Electron IPC and browser-mode HTTP) parse inputs with these
 * schemas before any service sees them, so a compromised renderer can only send shapes we expect.
 */
import { z } from 'zod';

/** Workspace-relative POSIX path. Main resolves it and refuses anything that escapes the workspace. */
export const ArticlePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'NUL in path');

export const Eol = z.enum(['\n', '\r\n']);
export const TextEncodingName = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5']);

/** Size + mtime + content hash: what we knew about the file when we last read or wrote it. */
export const FileStamp = z.object({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  hash: z.string(),
});

export const WorkspaceInfo = z.object({
  root: z.string(),
  name: z.string(),
  recent: z.array(z.string()),
});

export const LibraryEntry = z.object({
  path: ArticlePath,
  title: z.string(),
  date: z.string().nullable(),
  draft: z.boolean(),
  tags: z.array(z.string()),
  topics: z.array(z.string()),
  words: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  frontMatterError: z.string().nullable(),
});

/** How the file's bytes were laid out; sent back unchanged on save so it is written the same way. */
export const TextFormat = z.object({
  encoding: TextEncodingName,
  bom: z.boolean(),
  eol: Eol,
});

export const OpenedArticle = z.object({
  path: ArticlePath,
  /** Text with the BOM removed and line endings as in the file. */
  text: z.string(),
  stamp: FileStamp,
  format: TextFormat,
  readOnly: z.boolean(),
  /** Human-readable reasons the file opened read-only or with caveats (size limit, permissions). */
  warnings: z.array(z.string()),
});

export const SaveRequest = z.object({
  path: ArticlePath,
  text: z.string(),
  format: TextFormat,
  /** The stamp the renderer's buffer is based on; main refuses to overwrite a file that differs. */
  baseStamp: FileStamp.nullable(),
  /** Set only after the writer explicitly chose "keep mine" in a conflict. */
  overwrite: z.boolean().default(false),
});

export const SaveResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), stamp: FileStamp }),
  z.object({
    status: z.literal('conflict'),
    diskText: z.string(),
    diskStamp: FileStamp,
  }),
  z.object({ status: z.literal('error'), code: z.string(), message: z.string() }),
]);

export const Locale = z.enum(['en', 'zh-CN']);
export const ThemePreference = z.enum(['system', 'light', 'dark']);
export const Settings = z.object({
  locale: z.union([Locale, z.literal('system')]),
  theme: ThemePreference,
  autosave: z.boolean(),
  editorFontSize: z.number().int().min(10).max(32),
  layout: z.enum(['editor', 'split', 'preview']),
});
export const SettingsPatch = Settings.partial();

export const AppInfo = z.object({
  transport: z.enum(['electron', 'web']),
  platform: z.string(),
  version: z.string(),
  systemLocale: z.string(),
});

/** Request map: name -> input/output schemas. */
export const requests = {
  'app.info': { input: z.void(), output: AppInfo },
  'workspace.current': { input: z.void(), output: WorkspaceInfo },
  'workspace.open': { input: z.object({ root: z.string().min(1) }), output: WorkspaceInfo },
  'library.list': { input: z.void(), output: z.array(LibraryEntry) },
  'article.open': { input: z.object({ path: ArticlePath }), output: OpenedArticle },
  'article.save': { input: SaveRequest, output: SaveResult },
  'settings.get': { input: z.void(), output: Settings },
  'settings.update': { input: SettingsPatch, output: Settings },
} as const;

/** Event map: name -> payload schema. Main pushes these; the renderer subscribes. */
export const events = {
  'library.changed': z.object({ paths: z.array(ArticlePath) }),
  'article.changedOnDisk': z.object({ path: ArticlePath, stamp: FileStamp.nullable() }),
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type LibraryEntry = z.output<typeof LibraryEntry>;
export type OpenedArticle = z.output<typeof OpenedArticle>;
export type FileStamp = z.output<typeof FileStamp>;
export type TextFormat = z.output<typeof TextFormat>;
export type SaveResult = z.output<typeof SaveResult>;
export type WorkspaceInfo = z.output<typeof WorkspaceInfo>;
export type Settings = z.output<typeof Settings>;
export type AppInfo = z.output<typeof AppInfo>;

/** What the renderer sees, whichever transport carries it. */
export type BylineApi = {
  [N in RequestName]: (
    ...args: RequestInput<N> extends void ? [] : [input: RequestInput<N>]
  ) => Promise<RequestOutput<N>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Service side: main implements one handler per request with already-parsed input. */
export type RequestHandlers = {
  [N in RequestName]: (input: z.output<Requests[N]['input']>) => Promise<RequestOutput<N>>;
};

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Error a handler throws to send a message the writer can read (never a stack trace). */
export class BylineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BylineError';
  }
}
