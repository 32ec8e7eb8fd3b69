// The automatic engine: on a software graphics adapter (SwiftShader here) it runs WebAssembly and says why.
import { expect, test, waitForBackend } from './fixtures';

test('automatic engine: WebAssembly when WebGL is software, and the engine dialog explains it', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  await page.goto('/');
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
  });
  const software = /swiftshader|llvmpipe|lavapipe|software/i.test(renderer);
  const running = await waitForBackend(page);
  await page.getByTestId('backend-badge').click();
  const note = page.getByRole('dialog').getByTestId('backend-software-gpu');
  if (software) {
    expect(running).toBe('wasm');
    await expect(note).toContainText('WebAssembly is faster here');
  } else {
    await expect(note).toHaveCount(0);
  }
});
