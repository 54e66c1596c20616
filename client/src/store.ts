// What the views and the status bar show, fetched from the server on demand and cached until the
// server says its index changed. A hidden view never asks, so it costs nothing; two views asking
// for the same data share one request.
import * as vscode from 'vscode';
import type { RequestType } from 'vscode-jsonrpc';
import {
  CoverageGapsRequest,
  InsightsRequest,
  RequirementsTreeRequest,
  RoadmapRequest,
  SummaryRequest,
} from '../../server/src/shared/protocol';
import type { CoverageGapsResult, FolderScopeParams, InsightsResult, RequirementsTreeResult, RoadmapResult, SummaryResult } from '../../server/src/shared/protocol';
import type { Ctx } from './extensionContext';

/** A cached answer; `undefined` until first asked. */
class Cached<R> {
  private value: Promise<R> | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly type: RequestType<FolderScopeParams, R, void>,
  ) {}

  get(): Promise<R> {
    if (!this.value) {
      const p = this.ctx.request(this.type, {});
      // A failed answer is not kept: the next ask tries again.
      p.catch(() => {
        if (this.value === p) this.value = undefined;
      });
      this.value = p;
    }
    return this.value;
  }

  clear(): void {
    this.value = undefined;
  }
}

export class SpecStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The cached data was dropped; whoever shows it asks again. */
  readonly onDidChange = this.changed.event;
  private readonly requirementsCache: Cached<RequirementsTreeResult>;
  private readonly roadmapCache: Cached<RoadmapResult>;
  private readonly gapsCache: Cached<CoverageGapsResult>;
  private readonly summaryCache: Cached<SummaryResult>;
  private readonly insightsCache: Cached<InsightsResult>;
  private readonly subscription: vscode.Disposable;

  constructor(ctx: Ctx) {
    this.requirementsCache = new Cached(ctx, RequirementsTreeRequest);
    this.roadmapCache = new Cached(ctx, RoadmapRequest);
    this.gapsCache = new Cached(ctx, CoverageGapsRequest);
    this.summaryCache = new Cached(ctx, SummaryRequest);
    this.insightsCache = new Cached(ctx, InsightsRequest);
    this.subscription = vscode.Disposable.from(
      ctx.onIndexChanged(() => this.refresh()),
      // A server that stopped answers nothing more: drop what it said, so the views say it is not running
      // instead of showing its last answers (a view asked between a restart and the final crash kept them).
      ctx.onStatusChanged((status) => {
        if (status === 'stopped' || status === 'failed') this.refresh();
      }),
    );
  }

  requirements(): Promise<RequirementsTreeResult> {
    return this.requirementsCache.get();
  }

  roadmap(): Promise<RoadmapResult> {
    return this.roadmapCache.get();
  }

  coverageGaps(): Promise<CoverageGapsResult> {
    return this.gapsCache.get();
  }

  summary(): Promise<SummaryResult> {
    return this.summaryCache.get();
  }

  insights(): Promise<InsightsResult> {
    return this.insightsCache.get();
  }

  /** Drops every cached answer and tells the views. */
  refresh(): void {
    this.requirementsCache.clear();
    this.roadmapCache.clear();
    this.gapsCache.clear();
    this.summaryCache.clear();
    this.insightsCache.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
