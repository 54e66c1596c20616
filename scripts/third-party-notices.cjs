// Writes dist/THIRD-PARTY-NOTICES.txt from esbuild's metafiles: every package under node_modules whose
// code went into a shipped bundle, with its version, license and full license text. The bundles drop
// the packages' license comments (legalComments: 'none'), so this file is how their licenses ship.
const fs = require('node:fs');
const path = require('node:path');

/** Matches the package folder of a bundled input path: the last `node_modules/<name>` or `node_modules/@scope/<name>`. */
const PACKAGE_DIR = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/;
const LICENSE_FILE = /^(licen[cs]e|copying)([-.].*)?$/i;

/** The package folders (absolute) behind the inputs of these metafiles. */
function bundledPackageDirs(metafiles, cwd) {
  const dirs = new Set();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = PACKAGE_DIR.exec(input);
      if (m) dirs.add(path.resolve(cwd, m[1]));
    }
  }
  return [...dirs];
}

function licenseName(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type).join(' OR ');
  return 'UNKNOWN';
}

/** One package's entry; throws when the package has no license file (the notice would be incomplete). */
function describePackage(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const files = fs.readdirSync(dir).filter((f) => LICENSE_FILE.test(f)).sort();
  if (files.length === 0) {
    throw new Error(`third-party notices: ${pkg.name}@${pkg.version} (${dir}) is bundled but has no LICENSE file; add its license text by hand or stop bundling it`);
  }
  const text = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n/g, '\n').trim()).join('\n\n');
  return { name: pkg.name, version: pkg.version, license: licenseName(pkg), text };
}

/** The notice's text for these metafiles (sorted by package, one entry per name and version). */
function renderNotices(metafiles, cwd, product) {
  const byKey = new Map();
  for (const dir of bundledPackageDirs(metafiles, cwd)) {
    const p = describePackage(dir);
    byKey.set(`${p.name}@${p.version}`, p);
  }
  const packages = [...byKey.values()].sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
  const rule = '='.repeat(80);
  const parts = [
    `Third-party software notices for ${product.name} ${product.version}`,
    '',
    `${product.name} bundles the following open-source packages into its dist/*.js files.`,
    'Each is listed with its version, its license and the license text it is distributed under.',
    '',
    ...packages.map((p) => `- ${p.name} ${p.version} (${p.license})`),
  ];
  for (const p of packages) parts.push('', rule, `${p.name} ${p.version}`, `License: ${p.license}`, rule, '', p.text);
  return { text: parts.join('\n') + '\n', packages };
}

function writeNotices(metafiles, cwd, outFile) {
  const product = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'));
  const { text, packages } = renderNotices(metafiles, cwd, product);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  return packages;
}

module.exports = { bundledPackageDirs, renderNotices, writeNotices };
