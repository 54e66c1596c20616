// Building workspace edits. With `documentChanges` support each file's edits carry the version they
// were computed for, so the client refuses to apply them to a document that changed since; closed
// files get `null` (the disk content the index read).
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { FeatureContext } from './featureContext';

export class EditBuilder {
  private readonly byFile = new Map<string, TextEdit[]>();

  constructor(private readonly ctx: FeatureContext) {}

  add(file: string, edit: TextEdit): void {
    const list = this.byFile.get(file);
    if (list) list.push(edit);
    else this.byFile.set(file, [edit]);
  }

  get size(): number {
    return this.byFile.size;
  }

  build(): WorkspaceEdit {
    if (this.ctx.documentChanges) {
      const documentChanges: TextDocumentEdit[] = [];
      for (const [file, edits] of this.byFile) {
        documentChanges.push({ textDocument: { uri: this.ctx.uriOf(file), version: this.ctx.versionOf(file) ?? null }, edits: dedupe(edits) });
      }
      return { documentChanges };
    }
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, edits] of this.byFile) changes[this.ctx.uriOf(file)] = dedupe(edits);
    return { changes };
  }
}

/** Drop edits with the same range (an ID found both as a reference and a definition, say). */
function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = `${e.range.start.line}:${e.range.start.character}:${e.range.end.line}:${e.range.end.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
