import { describe, expect, it } from 'vitest';

import { cameraProblem } from './camera-problem';

describe('cameraProblem', () => {
  it.each([
    ['NotFoundError', 'missing'],
    ['OverconstrainedError', 'missing'],
    ['NotReadableError', 'busy'],
    ['TrackStartError', 'busy'],
    ['AbortError', 'busy'],
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
  ] as const)('%s is told as "%s"', (name, kind) => {
    expect(cameraProblem(new DOMException('x', name), true)).toBe(kind);
  });

  it('a page that is not secure is its own problem, whatever the error', () => {
    expect(cameraProblem(new DOMException('x', 'NotAllowedError'), false)).toBe('insecure');
  });
});
