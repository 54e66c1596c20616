// `npm run package`: dist-vsix/spectrace.vsix from a production build (vsce runs `vscode:prepublish`),
// with the README's relative links made absolute (scripts/vsce-options.json).
import { createVSIX } from '@vscode/vsce';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { baseContentUrl, baseImagesUrl } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'vsce-options.json'), 'utf8'));
const out = path.join(repoRoot, 'dist-vsix', 'spectrace.vsix');
fs.mkdirSync(path.dirname(out), { recursive: true });
await createVSIX({ cwd: repoRoot, packagePath: out, dependencies: false, baseContentUrl, baseImagesUrl });
console.log(`wrote ${path.relative(repoRoot, out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB)`);
