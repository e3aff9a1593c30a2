/** Turns SDK and network errors into the {operation, code, message} recorded in a collection. */
import { operationOf } from '../aws/clients.js';

const MAX_MESSAGE_LENGTH = 500;

export interface DescribedError {
  operation: string;
  code: string;
  message: string;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'CollectionCancelled');
}

/**
 * `fallbackOperation` is used when the error did not come from an SDK call (e.g. a parse error in a
 * collector). Messages are cut short: AWS messages never carry secrets, but they can be long.
 */
export function describeError(error: unknown, fallbackOperation = 'Unknown'): DescribedError {
  const operation = operationOf(error) ?? fallbackOperation;
  if (error instanceof Error) {
    // awsCode: credential errors (src/connections/sts.ts) carry AWS's code apart from their class name.
    const withCode = error as Error & { Code?: unknown; code?: unknown; awsCode?: unknown };
    const code =
      typeof withCode.awsCode === 'string'
        ? withCode.awsCode
        : typeof withCode.Code === 'string'
          ? withCode.Code
          : error.name && error.name !== 'Error'
            ? error.name
            : typeof withCode.code === 'string'
              ? withCode.code
              : 'Error';
    return { operation, code, message: (error.message || code).slice(0, MAX_MESSAGE_LENGTH) };
  }
  return { operation, code: 'Error', message: String(error).slice(0, MAX_MESSAGE_LENGTH) };
}
