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
    { name: 'lower-layers-import-no-server', severity: 'error',
      comment: 'Domain and infrastructure code never imports the HTTP layer, the composition root or the entry points.',
      from: { path: '^src/(aws|storage|connections|advisor|collections|collectors|jobs|users|tokens|pricing|reports|pipeline|config|logging)' },
      to: { path: '^src/(server|app|worker|cli)' } },
    { name: 'config-is-low', severity: 'error',
      comment: 'Configuration is read by everyone and reads nothing of the domain.',
      from: { path: '^src/config' }, to: { path: '^src/(?!config|core|shared)' } },
    { name: 'only-entry-points-compose', severity: 'error',
      comment: 'The composition root is used by the entry points (web, worker) only.',
      from: { path: '^src/(?!app|server|worker)' }, to: { path: '^src/app' } },
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
