// The environment the e2e runners pass into the extension host (see test/e2e/README.md).
// Test files import this to learn which pass they run in and where the workspace copy is.
export type E2eMode = 'trusted' | 'untrusted' | 'multiroot';

export interface E2eEnv {
  /** `untrusted`: workspace trust is on and the folder is not trusted (restricted mode). */
  mode: E2eMode;
  /** Absolute path of the temp copy of examples/acme-shop the window has open (tests may write into it). */
  workspace: string | undefined;
  /** Which runner started the host: `code-server` or `electron`. */
  runner: string;
  /** File the entry writes its metrics (activation time, counts) to. */
  metricsFile: string | undefined;
  /** Optional case-insensitive regular expression on full test titles (SPECTRACE_E2E_GREP). */
  grep: string | undefined;
}

export function e2eEnv(): E2eEnv {
  const given = process.env.SPECTRACE_E2E_MODE;
  const mode: E2eMode = given === 'untrusted' || given === 'multiroot' ? given : 'trusted';
  return {
    mode,
    workspace: process.env.SPECTRACE_E2E_WORKSPACE || undefined,
    runner: process.env.SPECTRACE_E2E_RUNNER || 'unknown',
    metricsFile: process.env.SPECTRACE_E2E_METRICS || undefined,
    grep: process.env.SPECTRACE_E2E_GREP || undefined,
  };
}
