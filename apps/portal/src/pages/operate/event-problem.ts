import { ApiProblem } from '../../api/api-problem';

/**
 * What the engine answered to a refused message or signal, said precisely: what kind of refusal
 * (from the status), the engine's own `detail`, and its stable code.
 */
export function eventProblemText(error: unknown): string {
  if (!(error instanceof ApiProblem)) return String(error);
  if (error.isNetworkFailure) return error.detail;
  const kind = REFUSALS[error.status] ?? error.title;
  return `${kind} (${error.status} ${error.code}): ${error.detail}`;
}

const REFUSALS: Record<number, string> = {
  400: 'Not accepted',
  403: 'Not allowed',
  404: 'Nothing waits for it',
  409: 'Already published',
};
