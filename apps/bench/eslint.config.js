module.exports = require('@eventlead/eslint-config').config(__dirname);
