// The error boundary every handler goes through: a feature that throws is logged with its stack and
// answered with a proper LSP error, so one bad document never takes the server down. Cancellation is
// answered with the RequestCancelled error the client expects.
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken, RemoteConsole } from 'vscode-languageserver';
import { errorText } from '../shared/errorText';
import { isObject } from '../shared/isObject';
import { cancelled, UserFacingError } from '../features/requestErrors';

/** The document changed while the request was computed: the client should ask again. */
export function contentModified(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, 'the document changed while the request was computed; try again');
}

/** The params lack what the request needs: the client's mistake, answered without running the handler. */
export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isPosition(v: unknown): boolean {
  return isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.character) && (v.line as number) >= 0 && (v.character as number) >= 0;
}

/**
 * What a document request's params lack, or undefined: a document URI, and where they carry one a
 * position, a range or positions made of non-negative integers (LSP's uinteger).
 */
export function documentParamsProblem(params: unknown): string | undefined {
  if (!isObject(params) || !isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') return 'the params name no document (textDocument.uri)';
  if ('position' in params && !isPosition(params.position)) return '"position" must be {line, character} with non-negative integers';
  if ('range' in params && !(isObject(params.range) && isPosition(params.range.start) && isPosition(params.range.end))) return '"range" must be {start, end} positions with non-negative integers';
  if ('positions' in params && !(Array.isArray(params.positions) && params.positions.every(isPosition))) return '"positions" must be a list of positions with non-negative integers';
  return undefined;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}

/**
 * Run a request handler at the boundary. User-facing refusals and ResponseErrors pass through;
 * anything else is logged and becomes an InternalError with a short message. With `params`, params
 * that are not an object are refused as InvalidParams before the handler runs.
 */
export async function guard<R>(
  name: string,
  console: RemoteConsole,
  token: CancellationToken | undefined,
  run: () => R | Promise<R>,
  params?: unknown,
): Promise<R | ResponseError<void>> {
  try {
    if (token?.isCancellationRequested) return cancelled();
    // A handler that reads fields of its params gets an object: null or a scalar is the client's mistake.
    if (params !== undefined && !isObject(params)) return invalidParams(`${name}: the params must be an object, not ${params === null ? 'null' : typeof params}`);
    const result = await run();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (err) {
    if (err instanceof ResponseError) return err as ResponseError<void>;
    if (err instanceof UserFacingError) return new ResponseError(err.code, err.message);
    console.error(`spectrace: ${name} failed: ${describeError(err)}`);
    return new ResponseError(ErrorCodes.InternalError, `Spectrace could not answer ${name}: ${errorText(err)}`);
  }
}

/** Run a notification handler at the boundary: errors are logged, never thrown into the connection. */
export function guardNotification(name: string, console: RemoteConsole, run: () => void | Promise<void>): void {
  const report = (err: unknown) => console.error(`spectrace: ${name} failed: ${describeError(err)}`);
  try {
    const p = run();
    if (p) p.catch(report);
  } catch (err) {
    report(err);
  }
}
