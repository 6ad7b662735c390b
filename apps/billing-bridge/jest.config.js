module.exports = require('../../jest.preset.js')('@frontoffice/billing-bridge');
