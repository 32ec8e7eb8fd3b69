// Saving a file the user asked for: the only way anything leaves the device.

/** Offers bytes or a Blob to the user as a download named `filename`. */
export function downloadFile(
  data: Blob | Uint8Array | string,
  filename: string,
  type = 'application/octet-stream',
): void {
  const blob =
    data instanceof Blob
      ? data
      : new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a File into bytes with its name, the shape lib/persist expects. */
export async function readNamedBytes(file: File): Promise<{ name: string; data: Uint8Array }> {
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}
