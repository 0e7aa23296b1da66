/** Unit and integration tests (Node). Browser tests live in jest.e2e.config.js. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  testTimeout: 60000,
};
