#!/usr/bin/env node
// `npm run demo`: build if needed, check the example product, replay it as a dated git history
// (scripts/demoHistory.mjs, in dist/demo/git/acme-shop) and write its HTML traceability report from
// there, so the report's burn-up charts draw a real history. Exits non-zero when the check fails, so
// a fresh clone proves itself in one command.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoHistory } from './demoHistory.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'dist', 'cli.js');
const example = path.join('examples', 'acme-shop');
const report = path.join('dist', 'demo', 'acme-shop-report.html');
const history = path.join('dist', 'demo', 'git', 'acme-shop');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ts|json)$/.test(entry.name)) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function run(command, args, label) {
  console.log(`\n$ ${label}`);
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (result.error) {
    console.error(`demo: could not run ${label}: ${result.error.message}`);
    process.exit(2);
  }
  return result.status ?? 1;
}

// Build when dist/cli.js is missing or older than the server sources or package.json.
const built = fs.existsSync(cli) ? fs.statSync(cli).mtimeMs : 0;
const sources = Math.max(newestSource(path.join(repo, 'server', 'src')), fs.statSync(path.join(repo, 'package.json')).mtimeMs);
if (built < sources) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (run(npm, ['run', 'build', '--silent'], 'npm run build') !== 0) {
    console.error('demo: the build failed');
    process.exit(1);
  }
}

const checkStatus = run(process.execPath, [cli, 'check', example], `spectrace check ${example}`);
console.log(`\n$ git history of ${example} replayed in ${history}`);
const replayed = buildDemoHistory(path.join(repo, example), path.join(repo, history));
console.log(`${replayed.commits} commits, HEAD ${replayed.head.slice(0, 7)} (the example as it is)`);
const reportStatus = run(process.execPath, [cli, 'report', history, '--format', 'html', '--out', report], `spectrace report ${history} --format html --out ${report}`);

console.log('');
if (reportStatus === 0) console.log(`Open the traceability report: ${path.join(repo, report)}`);
if (checkStatus !== 0 || reportStatus !== 0) {
  console.error(`demo: ${checkStatus !== 0 ? 'spectrace check' : 'spectrace report'} failed (exit ${checkStatus !== 0 ? checkStatus : reportStatus})`);
  process.exit(checkStatus !== 0 ? checkStatus : reportStatus);
}
console.log('Demo passed: the example product checks clean.');
console.log('In VS Code: `npm run package`, install dist-vsix/spectrace.vsix (Extensions: Install from VSIX...), open examples/acme-shop.');
