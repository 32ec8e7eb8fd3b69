// Why a camera could not start, told apart so the page can say what to do about it.

/** Why a camera could not start. */
export type CameraProblem = 'missing' | 'busy' | 'denied' | 'insecure';

/** The kind of problem behind a getUserMedia failure (DOMException names, see MDN). */
export function cameraProblem(error: unknown, secure: boolean): CameraProblem {
  if (!secure) return 'insecure';
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return 'denied';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  return 'missing';
}
