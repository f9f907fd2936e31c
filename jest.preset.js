// Shared Jest setup for every workspace: SWC with legacy decorators and metadata
// (type-graphql and TypeORM need both), CommonJS output. Type checking is `tsc --noEmit`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Internal packages resolve to their built dist (turbo builds dependencies first).
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
};
