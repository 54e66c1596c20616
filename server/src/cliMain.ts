#!/usr/bin/env node
// The `spectrace` command (dist/cli.js): wires the process to the CLI in ./cli/main.
import { main } from './cli/main';
import { errorText } from './shared/errorText';

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // main() catches everything; this is the last line of defence.
    process.stderr.write(`spectrace: internal error: ${errorText(err)}\n`);
    process.exitCode = 2;
  },
);
