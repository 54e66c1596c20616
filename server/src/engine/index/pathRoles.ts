// Which role a file plays in a workspace folder: its config file, a spec-glob file, a code file, or
// none of them.
import * as path from 'node:path';
import type { PathClassifier } from '../config/globs';
import type { FileClass } from './indexReader';

/** A relative path that path.relative would change: empty, `.` or `..` segments, a trailing separator. */
const ABNORMAL_PATH = /(?:^|[\\/])\.{0,2}(?:[\\/]|$)/;

export function classifyPath(root: string, configFile: string, classifier: PathClassifier, file: string): FileClass {
  if (file === configFile) return 'config';
  const posix = folderRelative(root, file);
  if (posix === undefined) return 'none';
  if (classifier.isSpecPath(posix)) return 'spec';
  if (classifier.isCodePath(posix)) return 'code';
  return 'none';
}

/**
 * A path below the folder as a relative POSIX path; undefined outside it. Paths from the walk are
 * already normal, so the common case is a prefix cut (path.relative on each of 20,000 code files
 * was most of their classification); anything else goes through path.relative.
 */
function folderRelative(root: string, file: string): string | undefined {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  if (file.startsWith(prefix) && !ABNORMAL_PATH.test(file.slice(prefix.length))) {
    const rel = file.slice(prefix.length);
    if (rel) return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
