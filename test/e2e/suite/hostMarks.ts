// VS Code's own performance marks in the extension host (vs/base/common/performance keeps them on
// globalThis.MonacoPerformanceMarks). Its "Startup Activation" figure in Running Extensions is code
// loading + the activate() call, and its code-loading window also spans an `await` before the
// require of extension.js (the extension host's localization step), during which the extension host
// runs whatever else is queued: the marks around the require itself say what loading our bundle costs.
interface PerformanceMarks {
  getMarks(): { name: string; startTime: number }[];
}

/** Time from VS Code's will- to did-load-extension-code marks for the extension; undefined without the marks. */
export function extensionCodeLoadMs(extensionId: string): number | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks?.getMarks();
  if (!marks) return undefined;
  const at = (name: string) => marks.find((m) => m.name.toLowerCase() === name.toLowerCase())?.startTime;
  const will = at(`code/extHost/willLoadExtensionCode/${extensionId}`);
  const did = at(`code/extHost/didLoadExtensionCode/${extensionId}`);
  return will === undefined || did === undefined ? undefined : did - will;
}
