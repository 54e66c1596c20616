// How a feature ends a request early: a refusal the user reads, or the cancellation the client asked
// for. The server's error boundary (lsp/boundary.ts) turns them into LSP errors.
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** Thrown by features to refuse a request with a message the user sees (rename to a taken ID, ...). */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: number = ErrorCodes.InvalidRequest,
  ) {
    super(message);
  }
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}
