'use client';
// One line in the engine dialog: why the automatic choice runs WebAssembly when the graphics card is software.
import { useT } from '@/components/i18n/i18n-provider';

import { useBackend } from './backend-provider';

/** Says that WebGL is simulated by the processor here and WebAssembly is faster; nothing otherwise. */
export function SoftwareGpuNote() {
  const t = useT();
  const { softwareRenderer } = useBackend();
  if (!softwareRenderer) return null;
  // Keep the renderer's own name short: "ANGLE (Google, Vulkan … SwiftShader driver)" → its key word.
  const short = /swiftshader/i.test(softwareRenderer)
    ? 'SwiftShader'
    : /llvmpipe/i.test(softwareRenderer)
      ? 'llvmpipe'
      : softwareRenderer.slice(0, 40);
  return (
    <p className="rounded-lg bg-sky-50 p-2 text-sm text-sky-900" data-testid="backend-software-gpu">
      {t('backend.softwareGpu', { renderer: short })}
    </p>
  );
}
