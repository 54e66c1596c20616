// spectrace/releaseNotes and spectrace/timeline: a roadmap item's release notes and the roadmap
// timeline, built by the same engine code as `spectrace release-notes` and the HTML report.
import { today } from '../../engine/index/queries';
import { buildReleaseNotes, renderReleaseNotes, RELEASE_NOTES_FORMATS } from '../../engine/releases/releaseNotes';
import type { ReleaseNotesFormat } from '../../engine/releases/releaseNotes';
import { timelineItems } from '../../engine/releases/timelineItems';
import { TIMELINE_CSS, TIMELINE_ZOOMS, timelineChart } from '../../engine/reports/svg/timelineSvg';
import type { TimelineZoom } from '../../engine/reports/svg/timelineSvg';
import { quoted } from '../../engine/text/quote';
import type { LspLocation, ReleaseNotesParams, ReleaseNotesResult, TimelineParams, TimelineResult } from '../../shared/protocol';
import { UserFacingError } from '../requestErrors';
import { itemLocation } from './nodes';
import type { FolderView } from './nodes';

export function releaseNotes(folders: FolderView[], params: ReleaseNotesParams): ReleaseNotesResult {
  const format = params.format ?? 'md';
  if (!(RELEASE_NOTES_FORMATS as readonly string[]).includes(format)) throw new UserFacingError(`Unknown release notes format ${quoted(String(format))}: use md, html or json.`);
  const id = String(params.roadmapId ?? '').trim();
  if (id === '') throw new UserFacingError('Name the roadmap item to write release notes for.');
  for (const folder of folders) {
    const notes = buildReleaseNotes(folder.ctx.index, id);
    if (notes) return { content: renderReleaseNotes(notes, format as ReleaseNotesFormat) };
  }
  throw new UserFacingError(`No roadmap item ${quoted(id)} in the workspace.`);
}

export function timeline(folders: FolderView[], params: TimelineParams): TimelineResult {
  const zoom: TimelineZoom = params.zoom !== undefined && (TIMELINE_ZOOMS as readonly string[]).includes(params.zoom) ? params.zoom : 'month';
  return {
    folders: folders.map((folder) => {
      const index = folder.ctx.index;
      const items = timelineItems(index.roadmapProgress());
      const chart = timelineChart(items, { today: today(index.now()), zoom });
      const locations: Record<string, LspLocation> = {};
      for (const item of items) locations[item.id] = itemLocation(folder.ctx, item.item);
      return { folderUri: folder.uri, name: folder.name, svg: chart.svg, css: TIMELINE_CSS, locations, undated: chart.undated.map((i) => ({ id: i.id, title: i.title })) };
    }),
  };
}
