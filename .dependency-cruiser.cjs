/** Enforces the one-way flow: credentials -> AWS clients -> collectors -> snapshot -> checks -> findings -> reports/UI. */
module.exports = {
  forbidden: [
    { name: 'checks-are-pure', severity: 'error',
      comment: 'Checks never call AWS and never touch storage.',
      from: { path: '^src/checks' },
      to: { path: ['^node_modules/@aws-sdk', '^src/storage', '^src/aws', '^src/collectors', '^src/server', '^src/jobs'] } },
    { name: 'collectors-import-no-checks', severity: 'error',
      from: { path: '^src/collectors' }, to: { path: ['^src/checks', '^src/storage', '^src/server', '^src/reports'] } },
    { name: 'web-imports-only-shared', severity: 'error',
      comment: 'The web client shares schemas and types only.',
      from: { path: '^src/web' }, to: { path: '^src/(?!web|shared|core)' } },
    { name: 'core-is-leaf', severity: 'error',
      from: { path: '^src/(core|shared)' }, to: { path: '^src/(?!core|shared)' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    exclude: { path: ['\\.test\\.ts$'] }
  }
};
