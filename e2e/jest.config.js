module.exports = { ...require('../jest.preset.js')('@frontoffice/e2e'), testTimeout: 120_000 };
