module.exports = require('../../jest.preset.js')('@frontoffice/console');
