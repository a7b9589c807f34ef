// Lint enforces the layers: shared/ is pure (no electron, no Node built-ins, no DOM, no
// other layer); renderer/ never reaches into main/ or server/; server/ and main/ import shared/
// only. Circular imports are checked by dpdm in `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const sharedRestriction = {
  paths: [
    ...nodeBuiltins.map((name) => ({
      name,
      message: 'shared/ is pure: no Node built-ins. Do I/O at the edge and pass the result in.',
    })),
    { name: 'electron', message: 'shared/ is pure: electron belongs in main/ or preload.' },
    { name: 'react', message: 'shared/ is pure: UI code belongs in renderer/.' },
    { name: 'ws', message: 'shared/ is pure: sockets belong in server/ or renderer/.' },
    { name: 'better-sqlite3', message: 'shared/ is pure: storage belongs in server/ or main/.' },
  ],
  patterns: [
    {
      group: [
        '**/main/**',
        '**/renderer/**',
        '**/server/**',
        '../main',
        '../renderer',
        '../server',
      ],
      message: 'shared/ must not import another layer: it is pure and used by all of them.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'out',
      'release',
      'coverage',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      // With noUncheckedIndexedAccess every indexed read is `T | undefined`; a `!` right after a
      // bounds or `has` check states that invariant more plainly than a redundant branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use an `as const` object and a derived type, with a comment per member.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', sharedRestriction],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require'].map(
          (name) => ({
            name,
            message: 'shared/ is pure: no DOM or Node globals.',
          }),
        ),
      ],
    },
  },
  {
    // The rules of hooks and the React Compiler's checks (effects, refs, purity) for the UI.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches Electron only through the preload API.',
            },
          ],
          patterns: [
            {
              group: [
                '**/main/**',
                '**/server/**',
                '../main',
                '../server',
                '../../main',
                '../../server',
              ],
              message:
                'renderer/ imports shared/ only, never main/ or server/ (it runs as a web page too).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The server runs in plain Node.' }],
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'server/ imports shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }] },
      ],
    },
  },
);
