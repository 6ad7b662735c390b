const preset = require('../../jest.preset.js')('@frontoffice/platform');

// jwks-rsa needs jose, which ships only as ES modules: Node loads it through require(esm), Jest (before Node 24.9)
// cannot, so SWC turns it into CommonJS for the tests.
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
