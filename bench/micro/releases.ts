// In-process cost of the release rules (roadmap-order, release-not-ready) and the release views on a
// generated workspace: N requirements in one release due in five days (its milestones below it), a
// quarter of them depending on requirements of a later release. Times the index build and a
// keystroke (a title edit in the release) with the two rules on and off, then releaseScope and the
// timeline chart. usage: node --import tsx bench/micro/releases.ts [N] [edits]
import * as path from 'node:path';
import { WorkspaceIndex } from '../../server/src/engine/index/workspaceIndex';
import { releaseScope } from '../../server/src/engine/releases/releaseScope';
import { timelineItems } from '../../server/src/engine/releases/timelineItems';
import { timelineChart } from '../../server/src/engine/reports/svg/timelineSvg';

const n = Number(process.argv[2] ?? 2000);
const edits = Number(process.argv[3] ?? 100);
const root = path.resolve('/bench-releases');
const NOW = new Date('2026-11-28T12:00:00Z');

function roadmapText(): string {
  const lines = ['roadmap:', '  - id: R-1', '    title: Release due soon', '    start: 2026-09-01', '    due: 2026-12-03', '  - id: R-2', '    title: Later release', '    due: 2027-06-30'];
  for (let m = 1; m <= 4; m++) lines.push(`  - id: M-${m}`, `    title: Milestone ${m}`, '    parent: R-1', `    due: 2026-1${m % 3}-15`);
  return `${lines.join('\n')}\n`;
}

function specText(): string {
  const lines = ['requirements:'];
  for (let i = 1; i <= n; i++) {
    const later = i % 10 === 0;
    lines.push(`  - id: PAY-${i}`, `    title: Requirement ${i}`, '    priority: should', `    status: ${i % 3 === 0 ? 'implemented' : 'approved'}`, `    roadmap: ${later ? 'R-2' : i % 5 === 0 ? `M-${(i % 4) + 1}` : 'R-1'}`);
    if (i % 4 === 0 && i + 6 <= n) lines.push(`    depends_on: [PAY-${i + 6}]`);
  }
  return `${lines.join('\n')}\n`;
}

function build(config: string): { index: WorkspaceIndex; ms: number } {
  const t0 = performance.now();
  const index = new WorkspaceIndex(root, { now: () => NOW, readFile: () => undefined });
  index.setConfig(config);
  index.updateFile(path.join(root, 'specs', 'roadmap.yaml'), roadmapText());
  index.updateFile(path.join(root, 'specs', 'pay.yaml'), specText());
  index.diagnostics();
  return { index, ms: performance.now() - t0 };
}

function keystrokes(index: WorkspaceIndex): number {
  const file = path.join(root, 'specs', 'pay.yaml');
  let text = specText();
  const times: number[] = [];
  for (let k = 0; k < edits; k++) {
    text = text.replace(`title: Requirement ${k + 1}\n`, `title: Requirement ${k + 1}x\n`);
    const t0 = performance.now();
    index.updateFile(file, text);
    index.diagnostics();
    times.push(performance.now() - t0);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

const on = build('specs: ["specs/*.yaml"]\n');
const off = build('specs: ["specs/*.yaml"]\nrules:\n  roadmap-order: off\n  release-not-ready: off\n');
const count = (index: WorkspaceIndex, code: string) => [...index.diagnostics().values()].flat().filter((d) => d.code === code).length;
console.log(`${n} requirements: build + diagnostics ${on.ms.toFixed(1)} ms with the release rules, ${off.ms.toFixed(1)} ms without (${count(on.index, 'roadmap-order')} roadmap-order, ${count(on.index, 'release-not-ready')} release-not-ready)`);
console.log(`keystroke (title edit in the release, update + diagnostics), median of ${edits}: ${keystrokes(on.index).toFixed(2)} ms with, ${keystrokes(off.index).toFixed(2)} ms without`);
let t0 = performance.now();
const scope = releaseScope(on.index, 'R-1', '2026-11-28');
console.log(`releaseScope(R-1): ${scope?.total ?? 0} requirements in ${(performance.now() - t0).toFixed(1)} ms`);
t0 = performance.now();
timelineChart(timelineItems(on.index.roadmapProgress()), { today: '2026-11-28', zoom: 'month' });
console.log(`timeline chart: ${(performance.now() - t0).toFixed(1)} ms`);
