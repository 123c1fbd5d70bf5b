// Jest for the mini program (issue 18): component and page tests with miniprogram-simulate in jsdom, a `wx` stub at
// the edge (test/setup/wx.js). The contract script (test/contract/run.mjs) is not a Jest test.
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.js'],
  setupFiles: ['<rootDir>/test/setup/wx.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/reset.js'],
  testTimeout: 10000,
};
