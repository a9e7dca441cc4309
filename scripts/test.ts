/**
 * The project's one test command: type-check, lint, every Vitest project (unit, scenario, model-based,
 * property, end-to-end), then one closing line "N passed, N failed" that CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { argsOrExit } from './args';

argsOrExit('npm test', 'Runs the type-check, the lint and every Vitest project, then prints one line "N passed, N failed".', {});

let passed = 0;
let failed = 0;
const bin = (name: string) => `node_modules/.bin/${name}`;
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

function check(label: string, cmd: string, args: string[]) {
  console.log(`\n== ${label} ==`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`${label} failed`);
  }
}

check('typecheck', bin('tsc'), ['-p', '.']);
check('lint and format', bin('biome'), ['check']);

mkdirSync('reports', { recursive: true });
const report = 'reports/vitest.json';
rmSync(report, { force: true });
console.log('\n== vitest ==');
const run = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  stdio: 'inherit',
  env,
});
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  passed += json.numPassedTests;
  failed += json.numFailedTests + json.numPendingTests + json.numTodoTests;
  // A test file that failed to load counts as a failure even though it ran no test.
  failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed++;
}
if (run.status !== 0 && failed === 0) failed++;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
