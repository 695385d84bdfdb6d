import {
  isMap,
  isScalar,
  parseDocument,
  type DocumentOptions,
  type Node,
  type Pair,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { lineColumnAt } from '../article/textPosition';
import { FIELD_KINDS, SCHEMA_LIMITS, isChecklistSeverity, isFieldKind } from './schemaConstants';
import type {
  FieldKind,
  ChecklistOptions,
  FieldDefault,
  FieldLabel,
  SchemaProblem,
} from './schemaTypes';

/** Where the schema file lives, relative to the workspace root. */
export const SCHEMA_FILE_PATH = '.byline/schema.yml';

/** One field as the schema file declares it; everything but the key is optional. */
export interface DeclaredField {
  key: string;
  kind?: FieldKind;
  label?: FieldLabel;
  required?: boolean;
  maxLength?: number;
  allowed?: string[];
  default?: FieldDefault;
  from?: string;
}

export interface SchemaFile {
  /** In the file's order, which becomes the form's order. */
  fields: DeclaredField[];
  checklist: Partial<ChecklistOptions>;
  problems: SchemaProblem[];
}

const FIELD_PROPERTIES = ['type', 'label', 'required', 'maxLength', 'allowed', 'default', 'from'];
const CHECKLIST_KEYS = ['draft', 'summaryLead', 'featuredImage', 'date'] as const;

type Ranged = { range?: [number, number, number] | null };

/**
 * The schema file is Byline's, not Hugo's: plain YAML 1.2, so `draft: off` is the severity "off"
 * (front matter is read as Hugo reads it, where it would be false).
 */
const SCHEMA_FILE_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  version: '1.2',
  merge: true,
  resolveKnownTags: false,
  uniqueKeys: true,
  prettyErrors: false,
};

/**
 * Parses `.byline/schema.yml` (format: docs/front-matter-schema.md). Never throws: what is wrong
 * is reported as problems with their line, and every valid part still applies.
 */
export function parseSchemaFile(text: string): SchemaFile {
  const problems: SchemaProblem[] = [];
  const lineOf = (node: unknown): number => {
    const range = (node as Ranged | null | undefined)?.range;
    return range ? lineColumnAt(text, range[0]).line : 0;
  };
  const problem = (node: unknown, message: string): void => {
    problems.push({ message, line: lineOf(node) });
  };
  const result: SchemaFile = { fields: [], checklist: {}, problems };

  const doc = parseDocument(text, SCHEMA_FILE_YAML_OPTIONS);
  const firstError = doc.errors[0];
  if (firstError) {
    problems.push({
      message: firstError.message.replace(/ at line \d+, column \d+:[\s\S]*$/, ''),
      line: lineColumnAt(text, firstError.pos[0]).line,
    });
    return result;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return result;
  if (!isMap(root)) {
    problem(root, 'The schema file must be a map with "fields:" (see docs/front-matter-schema.md)');
    return result;
  }

  for (const pair of root.items as Pair<Node, Node>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (name === 'version') continue;
    if (name === 'fields') readFields(pair.value, result, problem);
    else if (name === 'checklist') readChecklist(pair.value, result, problem);
    else problem(pair.key, `Unknown section "${name}" (expected "fields" or "checklist")`);
  }
  return result;
}

type Report = (node: unknown, message: string) => void;

function readFields(node: Node | null, result: SchemaFile, problem: Report): void {
  if (node === null || (isScalar(node) && node.value === null)) return;
  if (!isMap(node)) {
    problem(node, '"fields" must be a map from field name to its settings');
    return;
  }
  for (const pair of node.items as Pair<Node, Node>[]) {
    if (!isScalar(pair.key) || String(pair.key.value) === '') {
      problem(pair.key, 'A field name must be text');
      continue;
    }
    const key = String(pair.key.value);
    if (key.length > SCHEMA_LIMITS.keyLength) {
      problem(pair.key, `A field name is at most ${SCHEMA_LIMITS.keyLength} characters`);
      continue;
    }
    if (result.fields.length >= SCHEMA_LIMITS.fields) {
      problem(pair.key, `At most ${SCHEMA_LIMITS.fields} fields are read`);
      break;
    }
    const field: DeclaredField = { key };
    result.fields.push(field);
    const settings = pair.value;
    if (settings === null || (isScalar(settings) && settings.value === null)) continue;
    if (!isMap(settings)) {
      problem(settings, `Field "${key}": its settings must be a map (type, label, required, ...)`);
      continue;
    }
    for (const setting of settings.items as Pair<Node, Node>[]) {
      const name = isScalar(setting.key) ? String(setting.key.value) : '';
      const value = setting.value;
      const plain: unknown = value && 'toJSON' in value ? value.toJSON() : null;
      const bad = (expected: string): void =>
        problem(value ?? setting.key, `Field "${key}": "${name}" must be ${expected}`);
      switch (name) {
        case 'type': {
          if (isFieldKind(plain)) field.kind = plain;
          else bad(`one of ${FIELD_KINDS.join(', ')}`);
          break;
        }
        case 'label':
          if (typeof plain === 'string') field.label = { en: plain, zh: plain };
          else if (
            plain &&
            typeof plain === 'object' &&
            !Array.isArray(plain) &&
            Object.values(plain).every((v) => typeof v === 'string')
          ) {
            const label = plain as Record<string, string>;
            field.label = {
              ...(label.en ? { en: label.en } : {}),
              ...((label.zh ?? label['zh-CN']) ? { zh: label.zh ?? label['zh-CN'] } : {}),
            };
          } else bad('text or { en: ..., zh: ... }');
          break;
        case 'required':
          if (typeof plain === 'boolean') field.required = plain;
          else bad('true or false');
          break;
        case 'maxLength':
          if (typeof plain === 'number' && Number.isInteger(plain) && plain > 0)
            field.maxLength = plain;
          else bad('a positive whole number (display columns; a Chinese character counts 2)');
          break;
        case 'allowed':
          if (
            Array.isArray(plain) &&
            plain.length <= SCHEMA_LIMITS.values &&
            plain.every(
              (v) =>
                (typeof v === 'string' || typeof v === 'number') &&
                String(v).length <= SCHEMA_LIMITS.valueLength,
            )
          )
            field.allowed = plain.map(String);
          else
            bad(
              `a list of at most ${SCHEMA_LIMITS.values} values of at most ${SCHEMA_LIMITS.valueLength} characters`,
            );
          break;
        case 'default':
          if (plain === null || ['string', 'number', 'boolean'].includes(typeof plain))
            field.default = plain as FieldDefault;
          else if (Array.isArray(plain) && plain.every((v) => typeof v === 'string'))
            field.default = plain as string[];
          else bad('text, a number, true/false or a list of text');
          break;
        case 'from':
          if (typeof plain === 'string') field.from = plain;
          else bad('a field name');
          break;
        default:
          problem(
            setting.key,
            `Field "${key}": unknown setting "${name}" (known: ${FIELD_PROPERTIES.join(', ')})`,
          );
      }
    }
  }
}

function readChecklist(node: Node | null, result: SchemaFile, problem: Report): void {
  if (node === null || (isScalar(node) && node.value === null)) return;
  if (!isMap(node)) {
    problem(node, '"checklist" must be a map, e.g. "draft: warning"');
    return;
  }
  for (const pair of node.items as Pair<Node, Node>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const check = CHECKLIST_KEYS.find((k) => k === name);
    if (!check) {
      problem(pair.key, `Unknown check "${name}" (known: ${CHECKLIST_KEYS.join(', ')})`);
      continue;
    }
    const value: unknown = pair.value && isScalar(pair.value) ? pair.value.toJSON() : null;
    const severity = value === false ? 'off' : value;
    if (isChecklistSeverity(severity)) result.checklist[check] = severity;
    else problem(pair.value ?? pair.key, `Check "${name}" must be error, warning or off`);
  }
}
