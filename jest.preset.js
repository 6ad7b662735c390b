/**
 * Shared Jest settings for every workspace. SWC compiles TypeScript (no type check here: `npm run typecheck`
 * does that) with legacy decorators and decorator metadata, which NestJS, TypeORM and class-validator rely on.
 */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @param {string} displayName */
module.exports = function jestPreset(displayName) {
  return {
    displayName,
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    // *.spec.ts: unit; *.int-spec.ts: real broker and database; *.serial-spec.ts: stops the broker, run alone, last.
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.{spec,int-spec,serial-spec,e2e-spec}.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
  };
};
