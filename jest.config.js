/** The whole suite: every workspace's own Jest project. */
module.exports = {
  projects: ['<rootDir>/packages/*', '<rootDir>/apps/*', '<rootDir>/e2e'],
};
