// dist/server.js: starts the language server (dist/serverMain.js) through the compile cache.
import * as path from 'node:path';
import { runBundle } from './compileCache';

runBundle(path.join(__dirname, 'serverMain.js'), module);
