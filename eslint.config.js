// Layer boundaries are enforced here and again by one tsconfig per layer (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'util',
  'events',
  'worker_threads',
];

const noNodeNoElectron = (layer) => ({
  patterns: [
    { group: nodeBuiltins, message: `${layer} must not import Node built-ins.` },
    { group: ['electron', 'electron/*'], message: `${layer} must not import electron.` },
    { group: ['**/main/**', '../main', '../../main'], message: `${layer} must not import main/.` },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      '.tsbuild/**',
      'node_modules/**',
      'tests/fixtures/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeNoElectron('shared/').patterns,
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@codemirror/*'],
              message: 'shared/ is UI-free.',
            },
            {
              group: ['**/renderer/**', '../renderer', '../../renderer'],
              message: 'shared/ must not import renderer/.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Buffer', 'process', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': ['error', noNodeNoElectron('renderer/')],
      'no-restricted-globals': ['error', 'Buffer', 'process', 'require'],
    },
  },
  {
    // renderer/app/ is the top of the renderer: it composes the features, nothing imports it.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: [
      'renderer/main.tsx',
      'renderer/app/**',
      'renderer/document/**',
      'renderer/**/*.test.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeNoElectron('renderer/').patterns,
            {
              group: ['**/app/*', '../app', './app'],
              message: 'renderer/app/ composes the features; they must not import it back.',
            },
          ],
        },
      ],
    },
  },
  {
    // The document layer is the ground of the renderer: no React, no feature or shell above it.
    files: ['renderer/document/**/*.ts'],
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeNoElectron('renderer/').patterns,
            {
              group: ['react', 'react-dom', 'react-dom/*', 'react-i18next', '*.tsx'],
              message: 'renderer/document/ must not import React: components subscribe to it.',
            },
            {
              regex: '^\\.\\./(?!\\.\\./shared/)',
              message:
                'renderer/document/ must not import the features or the workbench above it (only shared/ and CodeMirror).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message:
                'Only main/electron/ touches Electron; services take their dependencies as arguments.',
            },
            {
              group: ['**/renderer/**', '../renderer', '../../renderer'],
              message: 'main/ must not import renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['remote', 'shell'],
              message: 'The preload exposes only contract functions.',
            },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The sandboxed preload has no Node built-ins.' },
          ],
        },
      ],
    },
  },
);
