/** The whole suite: every workspace's own Jest project. Timeouts are global options, so they are set here too. */
module.exports = {
  projects: ['<rootDir>/packages/*', '<rootDir>/apps/*', '<rootDir>/e2e'],
  testTimeout: 120_000,
};
