/** Browser tests: Debian's chromium driven by playwright-core against the built dist/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  testTimeout: 180000,
};
