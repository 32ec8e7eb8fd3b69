// Unique ids for things saved on this device (classes, samples, clips): a UUID where the browser has
// crypto.randomUUID (secure contexts), otherwise time + randomness.
export function newId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}
