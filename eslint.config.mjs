// One flat config for the whole monorepo.
// ESLint 9 looks for eslint.config.* from the cwd upwards, so `npm run lint -w <ws>` (cwd = the
// workspace folder) and `npx eslint <paths>` from the root both resolve to this file.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import nxDevkit from '@nx/devkit';

// @nx/enforce-module-boundaries only *reads* the cached project graph (.nx/workspace-data) and
// silently skips itself when there is none (fresh clone, CI); a stale cache means stale tags.
// So (re)compute the graph once per ESLint process, before any rule runs. nx.json has
// useDaemonProcess:false + neverConnectToCloud:true, so this is local and offline, and nx takes a
// file lock, so parallel `turbo run lint` processes are safe. Costs ~1.5 s per ESLint process;
// NX_FORCE_REUSE_CACHED_GRAPH=true makes nx reuse an existing cache instead of recomputing.
// (@nx/devkit comes with @nx/eslint-plugin and @nx/js, same version as nx.)
try {
  await nxDevkit.createProjectGraphAsync({ exitOnError: false });
} catch (error) {
  throw new Error(
    `eslint.config.mjs: could not compute the Nx project graph, so @nx/enforce-module-boundaries cannot run: ${error?.message ?? error}`,
    { cause: error },
  );
}

const testFiles = ['**/*.spec.ts', '**/test/**/*.ts'];

export default defineConfig(
  {
    ignores: [
      '**/dist/',
      '**/node_modules/',
      '**/.data/',
      '**/coverage/',
      '**/.turbo/',
      '**/.nx/',
      '**/.nx-graph/',
      // plain JS/CJS config files (jest.config.js, jest.preset.js, ...) are not linted
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  {
    // ESLint 9 default, spelled out: a stale `eslint-disable` comment is reported (and --fix removes it)
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // not in tseslint `recommended`; on for production code, off for tests (below)
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
          allow: [],
          // The embedded stack imports each service lazily, in that service's worker thread
          // (apps/platform/src/workers/services.ts); tests, benchmarks and the single-thread mode
          // import the same packages statically, on purpose.
          checkDynamicDependenciesExceptions: [
            '@sfw/enterprises',
            '@sfw/cadres',
            '@sfw/issues',
            '@sfw/evaluations',
            '@sfw/policies',
          ],
          depConstraints: [
            { sourceTag: 'type:package', onlyDependOnLibsWithTags: ['type:package'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:package'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:package', 'type:service', 'type:app'],
            },
          ],
        },
      ],
    },
  },
  {
    files: testFiles,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // must stay last: turns off every stylistic rule that would fight prettier
  prettier,
);
