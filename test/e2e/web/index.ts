// The mocha entry of the browser build's suite (`extensionTestsPath`), loaded by the web worker
// extension host: no Node there, so mocha is its browser build and the test files are bundled in
// (esbuild.js → dist/test-web/index.js). CommonJS on purpose: mocha's browser build is a UMD module
// that, in an ES module bundle, would overwrite this module's exports with mocha's own run().
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS entry, see above */
require('mocha/mocha.js');

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): void;
}

function run(): Promise<void> {
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  return new Promise((resolve, reject) => {
    mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
    require('./webWorker.test');
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}

module.exports = { run };
