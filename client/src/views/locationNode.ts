// Leaf nodes shared by the trees: a code or test location, and a reference to a roadmap item.
import * as vscode from 'vscode';
import type { LspLocation, RoadmapItemNode } from '../../../server/src/shared/protocol';
import { shortDate } from '../../../server/src/shared/dates';
import { locationLabel, openLocationCommand, toUri } from '../protocolToVscode';

export interface LocationNode<P> {
  kind: 'location';
  key: string;
  role: 'implementation' | 'test';
  location: LspLocation;
  parent: P;
}

export interface RoadmapRefNode<P> {
  kind: 'roadmapRef';
  key: string;
  id: string;
  item: RoadmapItemNode | undefined;
  parent: P;
}

export function locationItem(node: LocationNode<unknown>): vscode.TreeItem {
  const item = new vscode.TreeItem(locationLabel(node.location), vscode.TreeItemCollapsibleState.None);
  item.id = node.key;
  item.description = node.role;
  item.iconPath = new vscode.ThemeIcon(node.role === 'test' ? 'beaker' : 'code');
  item.resourceUri = toUri(node.location.uri);
  item.tooltip = `${node.role === 'test' ? 'Test' : 'Implementation'} at ${locationLabel(node.location)}`;
  item.command = openLocationCommand(node.location);
  item.contextValue = 'location';
  return item;
}

export function roadmapRefItem(node: RoadmapRefNode<unknown>): vscode.TreeItem {
  const label = node.item ? `${node.id} ${node.item.title}` : node.id;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.key;
  item.description = node.item ? `roadmap · ${node.item.due ? `due ${shortDate(node.item.due, new Date().getFullYear())}` : 'no due date'}` : 'roadmap · unknown item';
  item.iconPath = new vscode.ThemeIcon(node.item ? 'milestone' : 'warning');
  if (node.item) item.command = openLocationCommand(node.item.location);
  item.contextValue = 'roadmapRef';
  return item;
}
