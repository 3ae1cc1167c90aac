const testType = process.env.TEST_TYPE

const testMatch = {
  unit: [
    "<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s",
    "<rootDir>/packages/*/src/**/__tests__/**/*.unit.spec.[jt]s",
    "<rootDir>/integration-tests/sandbox/**/*.unit.spec.[jt]s",
  ],
  integration: ["<rootDir>/integration-tests/{http,browser,scale}/**/*.spec.[jt]s"],
  install: ["<rootDir>/integration-tests/install/**/*.spec.[jt]s"],
}[testType]

if (!testMatch) {
  throw new Error(
    `TEST_TYPE must be "unit", "integration" or "install" (use npm test / npm run test:install), got ${testType}`,
  )
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true, decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  // The workspace packages from their sources: tests never need a build of them (the plugin's build and
  // its packed tarball use their dist/, built by `npm install`'s prepare).
  moduleNameMapper: {
    "^inbank-partner-api$": "<rootDir>/packages/inbank-partner-api/src",
    "^inbank-sandbox$": "<rootDir>/packages/inbank-sandbox/src",
  },
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  testMatch,
  ...(testType !== "unit" && {
    globalSetup: "<rootDir>/integration-tests/setup/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.js",
    setupFiles: [
      "<rootDir>/integration-tests/setup/clear-metadata.js",
      "<rootDir>/integration-tests/setup/quiet-dropped-connections.js",
    ],
    testTimeout: 120_000,
  }),
}

// Quiet Medusa's boot logs and its telemetry banner; LOG_LEVEL=info brings them back.
process.env.LOG_LEVEL ??= "error"
process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
