// The burn-up chart's stylesheet (engine/reports/svg/burnupSvg.ts draws with these classes): the HTML
// report embeds it, and the release view puts it in its page, so both draw the chart alike.
/** The chart's classes and their colours: VS Code's chart colours in the editor, these fallbacks elsewhere. */
export const BURNUP_CSS = `
.burnup { font: 11px var(--vscode-font-family, system-ui, sans-serif); }
.burnup-axis { stroke: var(--vscode-editorWidget-border, var(--vscode-foreground, #888)); stroke-width: 1; fill: none; opacity: 0.6; }
.burnup-grid { stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1; stroke-dasharray: 2 3; opacity: 0.4; fill: none; }
.burnup-label { fill: var(--vscode-descriptionForeground, var(--vscode-foreground, #666)); }
.burnup-scope { stroke: var(--vscode-charts-blue, #1a73e8); stroke-width: 2; fill: none; }
.burnup-done { stroke: var(--vscode-charts-green, #188038); stroke-width: 2; fill: none; }
.burnup-done-area { fill: var(--vscode-charts-green, #188038); opacity: 0.12; stroke: none; }
.burnup-step { fill: var(--vscode-charts-blue, #1a73e8); stroke: var(--vscode-editor-background, #fff); stroke-width: 1; }
.burnup-point { fill: var(--vscode-charts-green, #188038); opacity: 0; }
.burnup-point:hover, .burnup-step:hover { opacity: 1; stroke-width: 2; }
.burnup-legend-scope { fill: var(--vscode-charts-blue, #1a73e8); }
.burnup-legend-done { fill: var(--vscode-charts-green, #188038); }
`;
