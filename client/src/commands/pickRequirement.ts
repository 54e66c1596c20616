// The "pick a requirement" quick pick shared by Go to Requirement and Reveal: search by ID or title
// (or status and file, in the detail line).
import * as vscode from 'vscode';
import type { RequirementNode } from '../../../server/src/shared/protocol';
import type { SpecStore } from '../store';

interface RequirementPick extends vscode.QuickPickItem {
  req: RequirementNode;
}

export async function allRequirements(store: SpecStore): Promise<RequirementNode[]> {
  const tree = await store.requirements();
  return tree.folders.flatMap((f) => f.requirements);
}

export async function findRequirement(store: SpecStore, id: string): Promise<RequirementNode | undefined> {
  return (await allRequirements(store)).find((r) => r.id === id);
}

export async function pickRequirement(store: SpecStore, title: string): Promise<RequirementNode | undefined> {
  const qp = vscode.window.createQuickPick<RequirementPick>();
  qp.title = title;
  qp.placeholder = 'Type an ID or words of a title';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.busy = true;
  qp.show();
  try {
    const reqs = await allRequirements(store);
    qp.items = reqs.map((req) => ({
      label: req.id,
      description: req.title,
      detail: [req.status, req.priority, `${req.implementations.length} impl · ${req.tests.length} test`, vscode.workspace.asRelativePath(vscode.Uri.parse(req.location.uri), false)]
        .filter(Boolean)
        .join(' · '),
      req,
    }));
    qp.busy = false;
    if (reqs.length === 0) qp.placeholder = 'No requirements in this workspace yet';
    return await new Promise<RequirementNode | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0]?.req));
      qp.onDidHide(() => resolve(undefined));
    });
  } finally {
    qp.dispose();
  }
}
