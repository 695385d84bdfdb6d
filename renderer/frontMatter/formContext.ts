import { createContext, useContext } from 'react';
import type { FieldValue } from '../../shared/article';
import type { FieldSchema, WorkspaceImage, WorkspaceSchema } from '../../shared/frontMatterSchema';
import type { YamlScalarStyle } from '../../shared/article/yamlScalar';

/** What every control of the form needs, provided once by the panel. */
export interface FormContextValue {
  /** Broken front matter, a read-only file, or no article: every control is disabled. */
  readOnly: boolean;
  articlePath: string;
  /** Current text's parsed front matter (for slugs generated from another field). */
  data: Readonly<Record<string, unknown>>;
  schema: WorkspaceSchema | null;
  images: readonly WorkspaceImage[] | null;
  assetUrl: (workspacePath: string) => string;
  /** 'zh' or 'en': which schema label to show. */
  labelLanguage: 'zh' | 'en';
  /** Sets a value (top-level or nested). `discrete` edits are one undo step each. */
  set(
    path: readonly string[],
    value: FieldValue,
    options?: { discrete?: boolean; style?: YamlScalarStyle },
  ): void;
  /** Replaces a top-level field's value with YAML text; returns the problem (line within the YAML), or null when applied. */
  setRaw(key: string, yaml: string): { message: string; line: number } | null;
  /** The YAML quoting a top-level text field has right now (kept while the writer types). */
  styleOf(key: string): YamlScalarStyle | null;
  /** Document version of the snapshot the form shows (increases with every change). */
  revision: number;
  /** The editor's document version right now (ahead of `revision` until the next snapshot). */
  currentVersion(): number;
  /** A value as it is in the editor right now (the rendered form may lag a snapshot behind). */
  valueNow(path: readonly string[]): unknown;
  /** Copies an image from anywhere into the workspace (beside the article or its images folder); resolves to its workspace path. */
  importImage(file: File): Promise<string>;
  /** A top-level field's value as YAML text (for the raw editor), from the shown text. */
  rawText(key: string): string | null;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const form = useContext(FormContext);
  if (!form) throw new Error('useForm outside the front-matter form');
  return form;
}

export function labelOf(schema: FieldSchema, language: 'zh' | 'en'): string {
  return schema.label?.[language] ?? schema.label?.en ?? schema.label?.zh ?? schema.key;
}
