const preset = require('../../jest.preset.js')('@frontoffice/console');

// The platform verifies provider tokens with jwks-rsa, which needs jose, shipped only as ES modules: Node loads it
// through require(esm), Jest (before Node 24.9) cannot, so SWC turns it into CommonJS for the tests (as the
// platform's own tests do). openid-client is not loaded here: oidc.int-spec.ts runs the built console.
const [tsPattern, [swcJest, swcOptions]] = Object.entries(preset.transform)[0];
module.exports = {
  ...preset,
  transform: {
    [tsPattern]: [swcJest, swcOptions],
    '/node_modules/jose/.+\\.js$': [
      swcJest,
      { ...swcOptions, jsc: { ...swcOptions.jsc, parser: { syntax: 'ecmascript' } } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};
