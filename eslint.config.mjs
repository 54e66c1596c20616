import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-vsix/**', 'node_modules/**', '.vscode-test/**', 'examples/**', 'test/output/**', 'test/fixtures/**', 'bench/work/**', 'server/src/engine/schema/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // JavaScript run by Node: the build, scripts, bench drivers and e2e runners (no type information).
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // CommonJS files (`require`, `module.exports`): esbuild.js, the bench's floor servers.
  {
    files: ['esbuild.js', 'bench/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The browser e2e tests: mocha specs driving Chromium; `document` is in the callbacks Playwright runs
  // in the page (page.evaluate, waitForFunction).
  {
    files: ['test/e2e/browser/**/*.mjs'],
    languageOptions: { globals: { ...globals.mocha, document: 'readonly' } },
  },
  // The matrix webview's script: a browser page that renders untrusted spec text, so nothing that
  // turns a string into code or markup.
  {
    files: ['client/media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Spec text is untrusted: use textContent or DOM nodes.' },
        { property: 'outerHTML', message: 'Spec text is untrusted: use textContent or DOM nodes.' },
        { property: 'insertAdjacentHTML', message: 'Spec text is untrusted: use DOM nodes.' },
        { object: 'document', property: 'write', message: 'Spec text is untrusted: use DOM nodes.' },
        { object: 'document', property: 'writeln', message: 'Spec text is untrusted: use DOM nodes.' },
      ],
    },
  },
  // Layers: the engine is pure (no disk, no threads, no processes) and knows no outer layer; features
  // know the engine, not the server or the disk; the disk layer knows the engine only; the client
  // shares only the protocol types with the server.
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(node:)?(fs|worker_threads|child_process)(/.*)?$', message: 'The engine reads no disk and starts no thread or process: take what it needs as a parameter (the disk layer passes it).' },
          { regex: '^(\\.\\./)+(disk|features|lsp|cli)(/|$)', message: 'The engine imports nothing from disk/, features/, lsp/ or cli/: they depend on it, not the reverse.' },
        ],
      }],
    },
  },
  {
    files: ['server/src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+(disk|lsp|cli)(/|$)', message: 'Features import nothing from lsp/, cli/ or disk/: they read the index and the FeatureContext (lsp/ depends on features, not the reverse).' },
        ],
      }],
    },
  },
  {
    files: ['server/src/disk/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+(features|lsp|cli)(/|$)', message: 'The disk layer imports nothing from features/, lsp/ or cli/: they depend on it, not the reverse.' },
        ],
      }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+server/(?!src/shared/)', message: 'The client shares only server/src/shared/ with the server (the protocol types).' },
        ],
      }],
    },
  },
  // The browser build: no Node there. esbuild.js swaps node:path, node:url and node:crypto for shims
  // in the server's worker; nothing else of Node may be imported by the browser-only code.
  {
    files: ['client/src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^node:|^(fs|path|os|crypto|child_process|worker_threads)$', message: 'The browser entry runs in a web worker extension host: no Node modules.' },
          { regex: '^(\\.\\./)+\\.\\./server/(?!src/shared/)', message: 'The client shares only server/src/shared/ with the server (the protocol types).' },
          { regex: '^vscode-languageclient/node$', message: 'The browser entry uses vscode-languageclient/browser.' },
        ],
      }],
    },
  },
  {
    files: ['server/src/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(node:)?(fs|os|child_process|worker_threads|net|v8|buffer)(/.*)?$', message: 'The browser server runs in a Web Worker: read through WorkspaceFiles (workspaceFiles.ts).' },
          { regex: '^(\\.\\./)+disk(/|$)', message: 'The browser server replaces the disk layer (esbuild.js): import types only from it.', allowTypeImports: true },
        ],
      }],
    },
  },
);
