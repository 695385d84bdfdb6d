// The front-matter schema: inferred from a workspace's articles, overridden by .byline/schema.yml,
// and the publish checklist built on it. See docs/front-matter-schema.md.
export * from './schemaTypes';
export { inferSchema, isPlainObject, isStringList } from './inferSchema';
export { parseSchemaFile, SCHEMA_FILE_PATH } from './schemaFile';
export type { DeclaredField, SchemaFile } from './schemaFile';
export { resolveSchema, fieldSchemaFor, isCompatible, kindOfValue } from './resolveSchema';
export type { SchemaSources } from './resolveSchema';
export { formFields } from './formFields';
export type { FormField } from './formFields';
export { rawFieldText, fieldLine } from './fieldSource';
export { planSetNestedField, valueAt } from './nestedEdits';
export { publishChecklist, firstBlockquote, PUBLISH_RULES } from './publishChecklist';
export type { ChecklistInput } from './publishChecklist';
export { imageCandidates, findImage, imageValueFor } from './imagePaths';
export { newArticleFields, usualFieldValues } from './defaults';
export { KNOWN_FIELDS, IMAGE_EXTENSIONS, looksLikeImagePath } from './knownFields';
export * from './dateTime';
export { planFormEdit, yamlScalarStyle } from './formEdits';
export type { FormEdit } from './formEdits';
export * from './dateSegments';
