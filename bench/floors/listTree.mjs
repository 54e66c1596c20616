// Every file of a tree as ripgrep and the floors see it: .git and node_modules are skipped (the bench
// tree's .gitignore names nothing else).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function listTree(root) {
  const files = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') stack.push(join(dir, entry.name));
      } else if (entry.isFile()) files.push(join(dir, entry.name));
    }
  }
  return files;
}
