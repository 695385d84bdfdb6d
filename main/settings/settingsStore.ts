import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomicWrite';
import { Settings } from '../../shared/ipc/contract';
import type { Settings as SettingsValue } from '../../shared/ipc/contract';

const defaultSettings: SettingsValue = {
  locale: 'system',
  theme: 'system',
  autosave: true,
  editorFontSize: 16,
  layout: 'split',
  splitRatio: 0.5,
  lineNumbers: false,
  focusMode: false,
  typewriterMode: false,
  spellcheck: true,
  spellcheckLanguages: [],
  referencesStyle: 'news',
  defaultExport: { format: 'html', outputDir: null, openWhenDone: false },
  checkForUpdates: false,
};

interface StoredState {
  settings: SettingsValue;
  workspaceRoot: string | null;
  recentWorkspaces: string[];
}

/**
 * Settings and app state in one JSON file in the app's data folder. Unknown or invalid values
 * fall back to defaults field by field, so a hand-edited file never stops Byline from starting.
 */
export class SettingsStore {
  private state: StoredState = {
    settings: defaultSettings,
    workspaceRoot: null,
    recentWorkspaces: [],
  };
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  async load(): Promise<void> {
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(this.file, 'utf8'));
    } catch {
      return;
    }
    if (typeof raw !== 'object' || raw === null) return;
    const record = raw as Record<string, unknown>;
    const settings = { ...defaultSettings };
    const stored = (record.settings ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(defaultSettings) as (keyof SettingsValue)[]) {
      const parsed = Settings.shape[key].safeParse(stored[key]);
      if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
    }
    this.state = {
      settings,
      workspaceRoot: typeof record.workspaceRoot === 'string' ? record.workspaceRoot : null,
      recentWorkspaces: Array.isArray(record.recentWorkspaces)
        ? record.recentWorkspaces.filter((r): r is string => typeof r === 'string').slice(0, 10)
        : [],
    };
  }

  get settings(): SettingsValue {
    return this.state.settings;
  }

  get workspaceRoot(): string | null {
    return this.state.workspaceRoot;
  }

  get recentWorkspaces(): string[] {
    return this.state.recentWorkspaces;
  }

  async update(patch: Partial<SettingsValue>): Promise<SettingsValue> {
    this.state.settings = { ...this.state.settings, ...patch };
    await this.persist();
    return this.state.settings;
  }

  async setWorkspace(root: string): Promise<void> {
    this.state.workspaceRoot = root;
    this.state.recentWorkspaces = [
      root,
      ...this.state.recentWorkspaces.filter((r) => r !== root),
    ].slice(0, 10);
    await this.persist();
  }

  private async persist(): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(
      this.file,
      new TextEncoder().encode(JSON.stringify(this.state, null, 2) + '\n'),
    );
  }
}
