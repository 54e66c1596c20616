#!/usr/bin/env node
// CLI entry point (filled in by the CLI work).
process.exitCode = 0;
