import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest } from '../app/dispatchRequest';
import type { RequestHandlers } from '../../shared/ipc/contract';
import type { WorkspaceSchema } from '../../shared/frontMatterSchema/schemaTypes';
import { createSchemaHandlers } from './schemaHandlers';
import { findSchemaRoot, listWorkspaceImages, loadWorkspaceSchema } from './workspaceSchemaService';

const fixture = path.resolve('tests/fixtures/schema-workspace');
let base: string;
let root: string;

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'byline-schema-'));
  root = path.join(base, 'site');
  cpSync(fixture, root, { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('loadWorkspaceSchema', () => {
  it('infers from every article and applies .byline/schema.yml', async () => {
    const schema = await loadWorkspaceSchema(root);
    expect(schema.articleCount).toBe(6);
    expect(schema.file).toEqual({ path: '.byline/schema.yml', problems: [] });
    const fields = Object.fromEntries(schema.fields.map((f) => [f.key, f]));
    expect(schema.fields[0]?.key).toBe('title');
    expect(fields['title']).toMatchObject({ kind: 'text', required: true, maxLength: 64, seen: 6 });
    expect(fields['main_topics']?.allowed).toContain('国际贸易');
    expect(fields['tags']?.vocabulary[0]).toBe('数据中心');
    expect(fields['params']?.kind).toBe('map');
  });

  it('skips unreadable and broken articles and dot folders; works without a schema file', async () => {
    rmSync(path.join(root, '.byline'), { recursive: true });
    writeFileSync(path.join(root, 'posts', 'broken.md'), '---\ntitle: "x\n---\n');
    mkdirSync(path.join(root, '.drafts'));
    writeFileSync(path.join(root, '.drafts', 'hidden.md'), '---\nsecret_field: 1\n---\n');
    const schema = await loadWorkspaceSchema(root);
    expect(schema.articleCount).toBe(6);
    expect(schema.file).toBeNull();
    expect(schema.fields.some((f) => f.key === 'secret_field')).toBe(false);
    expect(schema.fields.every((f) => !f.required)).toBe(true);
  });

  it('reads no article through a symlink out of the workspace, nor a pipe or device named .md', async () => {
    rmSync(path.join(root, '.byline'), { recursive: true });
    const outside = path.join(base, 'outside.md');
    writeFileSync(outside, '---\nprivate_api_key: sk-outside\n---\n');
    symlinkSync(outside, path.join(root, 'posts', 'innocent.md'));
    // A pipe nobody writes to: a plain read of it never returns. (/dev/zero never ends either.)
    execFileSync('mkfifo', [path.join(root, 'posts', 'pipe.md')]);
    symlinkSync(path.join(root, 'posts', 'pipe.md'), path.join(root, 'posts', 'pipe-alias.md'));
    const schema = await loadWorkspaceSchema(root);
    expect(schema.articleCount).toBe(6);
    expect(schema.fields.some((f) => f.key === 'private_api_key')).toBe(false);
  }, 10_000);

  it('reads only the top of a huge article for its front matter', async () => {
    // Read whole, every huge article held main for seconds each time the schema reloads (after
    // every save). Sparse: 3 GB on paper, more than a whole read can hold, a few bytes on disk.
    const huge = path.join(root, 'posts', 'huge.md');
    writeFileSync(huge, '---\ntitle: Huge\nhuge_only_field: yes\n---\n\nBody.\n');
    truncateSync(huge, 3 * 1024 ** 3);
    const schema = await loadWorkspaceSchema(root);
    expect(schema.articleCount).toBe(7);
    expect(schema.fields.some((f) => f.key === 'huge_only_field')).toBe(true);
  });

  it('reports problems in the schema file with their line', async () => {
    writeFileSync(
      path.join(root, '.byline', 'schema.yml'),
      'fields:\n  title:\n    maxLength: lots\n',
    );
    const schema = await loadWorkspaceSchema(root);
    expect(schema.file?.problems).toEqual([
      { line: 3, message: expect.stringMatching(/maxLength/) as unknown as string },
    ]);
  });
});

describe('listWorkspaceImages', () => {
  it('lists image files with workspace paths, spaces kept, dot folders skipped', async () => {
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.git', 'x.png'), 'x');
    const images = await listWorkspaceImages(root);
    expect(images.map((i) => i.path)).toEqual([
      'images/chip wafer.png',
      'images/default (3).png',
      'static/images/datacenter.png',
    ]);
    expect(images[0]?.size).toBeGreaterThan(0);
  });
});

describe('findSchemaRoot', () => {
  it('finds .byline/schema.yml in the folder or an ancestor, for folders and files', async () => {
    expect(await findSchemaRoot(root)).toBe(root);
    expect(await findSchemaRoot(path.join(root, 'posts'))).toBe(root);
    expect(await findSchemaRoot(path.join(root, 'posts', 'violations.md'))).toBe(root);
    expect(await findSchemaRoot(base)).toBeNull();
  });
});

describe('contract: workspace.schema and workspace.listImages', () => {
  it('answer through the dispatcher, outputs checked by the contract schemas', async () => {
    const handlers = createSchemaHandlers(() => root) as unknown as RequestHandlers;
    const schema = await dispatchRequest(handlers, 'workspace.schema', undefined);
    expect(schema.ok).toBe(true);
    const images = await dispatchRequest(handlers, 'workspace.listImages', undefined);
    expect(images).toMatchObject({
      ok: true,
      value: expect.arrayContaining([{ path: 'images/default (3).png', size: 74 }]) as unknown,
    });
  });

  it('stays inside its limits for a planted schema and a workspace of data dumps: problems, never a failed reply', async () => {
    const handlers = createSchemaHandlers(() => root) as unknown as RequestHandlers;
    const schemaFile = path.join(root, '.byline', 'schema.yml');
    // Over its size limit: not read at all.
    writeFileSync(schemaFile, `fields:\n  tags:\n    allowed:\n${'      - 词\n'.repeat(70_000)}`);
    const huge = await dispatchRequest(handlers, 'workspace.schema', undefined);
    expect(huge).toMatchObject({
      ok: true,
      value: { file: { problems: [{ message: expect.stringMatching(/larger than 512 KB/) }] } },
    });
    // Within it, a list longer than a schema holds, a value and a name too long.
    writeFileSync(
      schemaFile,
      `fields:\n  tags:\n    allowed: [${Array.from({ length: 6000 }, (_, i) => i).join(', ')}]\n` +
        `  section:\n    allowed: [${'长'.repeat(1001)}]\n  ${'k'.repeat(201)}:\n    type: text\n`,
    );
    // Articles with more distinct tags than a vocabulary holds, and more fields than a form shows.
    for (let i = 0; i < 3; i++)
      writeFileSync(
        path.join(root, `dump-${i}.md`),
        `---\ntags: [${Array.from({ length: 2500 }, (_, j) => `t${i}-${j}`).join(', ')}]\n` +
          Array.from({ length: 400 }, (_, j) => `f${i}_${j}: 1\n`).join('') +
          '---\n',
      );
    const bounded = await dispatchRequest(handlers, 'workspace.schema', undefined);
    expect(bounded.ok).toBe(true);
    const value = (bounded as { value: WorkspaceSchema }).value;
    expect(value.file?.problems).toHaveLength(3);
    expect(value.fields.length).toBe(1000);
    expect(value.fields.find((field) => field.key === 'tags')?.vocabulary).toHaveLength(5000);
  });
});
