import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of docs/architecture.md, checked through the project's real ESLint config.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer boundaries (ESLint)', () => {
  it('fails when renderer/ imports electron', async () => {
    const messages = await restrictedImportMessages(
      'renderer/app/leak.ts',
      "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n",
    );
    expect(messages.join('\n')).toMatch(/must not import electron/);
  });

  it('fails when renderer/ imports node:fs or fs', async () => {
    const messages = await restrictedImportMessages(
      'renderer/app/leak.ts',
      "import fs from 'node:fs';\nimport path from 'path';\nvoid fs; void path;\n",
    );
    expect(messages).toHaveLength(2);
  });

  it('fails when renderer/ imports main/', async () => {
    const messages = await restrictedImportMessages(
      'renderer/app/leak.ts',
      "import { ArticleFiles } from '../../main/files/articleFiles';\nvoid ArticleFiles;\n",
    );
    expect(messages.join('\n')).toMatch(/must not import main/);
  });

  it('fails when shared/ touches Node, the DOM or React', async () => {
    const messages = await restrictedImportMessages(
      'shared/article/leak.ts',
      "import fs from 'node:fs';\nimport React from 'react';\nexport const x = [fs, React, document.title, Buffer.from('a')];\n",
    );
    expect(messages.length).toBeGreaterThanOrEqual(4);
  });

  it('fails when a main/ service imports electron (only main/electron/ may)', async () => {
    const service = await restrictedImportMessages(
      'main/library/leak.ts',
      "import { app } from 'electron';\nvoid app;\n",
    );
    expect(service.join('\n')).toMatch(/Only main\/electron/);
    const shell = await restrictedImportMessages(
      'main/electron/leak.ts',
      "import { app } from 'electron';\nvoid app;\n",
    );
    expect(shell).toEqual([]);
  });

  it('fails when renderer/document/ imports React or a feature above it', async () => {
    const messages = await restrictedImportMessages(
      'renderer/document/leak.ts',
      "import { useState } from 'react';\nimport { EditorPane } from '../editor/EditorPane';\nvoid useState; void EditorPane;\n",
    );
    expect(messages.join('\n')).toMatch(/must not import React/);
    expect(messages.join('\n')).toMatch(/must not import the features/);
    const allowed = await restrictedImportMessages(
      'renderer/document/fine.ts',
      "import type { FileStamp } from '../../shared/ipc/contract';\nimport { EditorState } from '@codemirror/state';\nimport { editorText } from './diskChange';\nexport type X = [FileStamp, EditorState, typeof editorText];\n",
    );
    expect(allowed).toEqual([]);
  });

  it('allows renderer/ to import shared/', async () => {
    const messages = await restrictedImportMessages(
      'renderer/app/ok.ts',
      "import { requests } from '../../shared/ipc/contract';\nvoid requests;\n",
    );
    expect(messages).toEqual([]);
  });
});
