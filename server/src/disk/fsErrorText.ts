// A file-system error in words, for a one-line message after the path it concerns ("cannot read
// 'x': no such file"). Shared by everything that reads a path a user named.
import { errorText } from '../shared/errorText';

/** `what`: whether the path was meant as a file or a folder, which the words for a missing or misplaced one depend on. */
export function fsErrorText(err: unknown, what: 'file' | 'folder'): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `no such ${what}`;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return what === 'folder' ? 'not a folder' : 'a parent is not a folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'too many symbolic links';
  return errorText(err);
}
