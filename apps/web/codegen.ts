import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/**
 * Types for every operation in src/, generated from the composed supergraph (the API the
 * gateway serves), and the persisted-documents manifest: `{ "<sha256>": "<document>" }`, which
 * the gateway loads as trusted documents. `__typename` is added to every selection before
 * hashing, so the manifest holds exactly the text the client would send.
 */
const config: CodegenConfig = {
  schema: '../gateway/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string', Date: 'string' },
        skipTypename: false,
      },
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      documentTransforms: [addTypenameSelectionDocumentTransform],
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};
export default config;
