#!/usr/bin/env node
// dist/cli.js, the `spectrace` command: runs the CLI (dist/cliMain.js) through the compile cache.
import * as path from 'node:path';
import { runBundle } from './compileCache';

runBundle(path.join(__dirname, 'cliMain.js'), module);
