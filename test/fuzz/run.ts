// `npm run fuzz -- --cases 10000 --seed 7`: runs the seeded LSP fuzzer against dist/server.js and prints
// what it did. Exits 1 on a failing case (with the seed, case number and text to reproduce it), 2 on
// bad flags or a missing build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runFuzz } from './fuzzer';
import { SERVER_JS } from '../support/serverProcess';
import { formatStats } from './stats';

interface Flags {
  cases: number;
  seed: number;
  timeoutMs: number;
  example: string;
  allowInternalErrors: boolean;
  server: string;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { cases: 1000, seed: Date.now() % 100_000, timeoutMs: 5000, example: 'acme-shop', allowInternalErrors: false, server: SERVER_JS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (v: string) => {
      if (!/^\d+$/.test(v)) throw new Error(`${a} expects a non-negative integer, got "${v}"`);
      return Number(v);
    };
    if (a === '--cases') flags.cases = int(value());
    else if (a === '--seed') flags.seed = int(value());
    else if (a === '--timeout') flags.timeoutMs = int(value());
    else if (a === '--example') flags.example = value();
    else if (a === '--server') flags.server = path.resolve(value());
    else if (a === '--allow-internal-errors') flags.allowInternalErrors = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run fuzz -- [--cases N] [--seed S] [--timeout MS] [--example NAME] [--server dist/server.js] [--allow-internal-errors]\n');
      process.exit(0);
    } else throw new Error(`unknown flag ${a}`);
  }
  return flags;
}

async function main(): Promise<number> {
  let flags: Flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (!fs.existsSync(flags.server)) {
    process.stderr.write(`fuzz: ${flags.server} does not exist; run \`npm run build\` first\n`);
    return 2;
  }
  process.stdout.write(`fuzzing ${flags.server} with seed ${flags.seed}, ${flags.cases} cases, ${flags.timeoutMs} ms per request\n`);
  const result = await runFuzz({
    seed: flags.seed,
    cases: flags.cases,
    requestTimeoutMs: flags.timeoutMs,
    example: flags.example,
    serverPath: flags.server,
    failOnInternalError: !flags.allowInternalErrors,
    progressEvery: Math.max(100, Math.floor(flags.cases / 20)),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`\n${formatStats(result.stats)}\n`);
  for (const e of result.stats.internalErrors.slice(0, 10)) process.stdout.write(`internal error in case ${e.caseNo}, ${e.method}: ${e.message}\n`);
  if (result.failure) {
    process.stdout.write(`\nRESULT: FAILED at case ${result.failure.caseNo} of seed ${result.failure.seed}: ${result.failure.reason.split('\n')[0]}\n`);
    return 1;
  }
  process.stdout.write(`\nRESULT: PASSED (every request answered, final request answered: ${result.finalAnswered}, clean exit: ${result.cleanExit})\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
