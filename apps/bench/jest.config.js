/** @type {import('jest').Config} */
module.exports = { preset: '@eventlead/jest-preset' };
