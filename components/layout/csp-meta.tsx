// The Content-Security-Policy of every page, as a <meta> (a static export has no response headers).
// Scripts: our origin and the exact inline scripts Next.js writes into each page (their SHA-256
// hashes replace INLINE_SCRIPT_HASHES after `next build`, in scripts/build/csp-hashes.mjs, which
// also moves this tag to the top of <head>); 'wasm-unsafe-eval' lets tfjs compile its WebAssembly.
// No 'unsafe-eval': the one eval in a bundled library (protobufjs' optional require inside
// @magenta/music) is removed at build time by scripts/build/no-eval-loader.cjs.
// Styles allow inline style attributes (React writes them for bars, charts and colours).

/** Replaced by the page's inline-script hashes after the build. */
export const INLINE_SCRIPT_HASHES = "'inline-script-hashes'";

/** The policy, one directive per entry. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${INLINE_SCRIPT_HASHES}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The policy tag; nothing in development, where Next.js's hot reload needs eval. */
export function CspMeta() {
  if (process.env.NODE_ENV !== 'production') return null;
  return <meta httpEquiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />;
}
