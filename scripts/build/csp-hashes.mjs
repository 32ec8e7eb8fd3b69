#!/usr/bin/env node
// The Content-Security-Policy of every page (a static export has no response headers, so it is a
// <meta>), written into each exported page after `next build`, right after <meta charSet>, before
// any script. Scripts: our origin, and the exact inline scripts Next.js wrote into that page (their
// SHA-256 hashes); 'wasm-unsafe-eval' lets tfjs compile its WebAssembly. No 'unsafe-eval': the one
// eval in a bundled library (protobufjs' optional require inside @magenta/music) is removed at build
// time by no-eval-loader.cjs. Styles allow 'unsafe-inline' for the style attributes React writes
// (bars, charts, colours). It is not rendered by React: React would add a second copy on the client.
// Usage: node scripts/build/csp-hashes.mjs [dir=out]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? 'out';

/** The policy; INLINE is replaced by the page's inline-script hashes. */
const INLINE = "'inline-script-hashes'";
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${INLINE}`,
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
const OLD_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/gi;

function* htmlFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith('.html')) yield path;
  }
}

let pages = 0;
for (const file of htmlFiles(root)) {
  // A page written by an earlier run keeps one policy: the old tag goes first.
  let html = readFileSync(file, 'utf8').replace(OLD_META, '');
  if (!/<head>/i.test(html)) continue;
  const hashes = new Set();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc=/i.test(m[1] ?? '') || m[2] === '') continue;
    hashes.add(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  const policy = CONTENT_SECURITY_POLICY.replace(INLINE, [...hashes].join(' '));
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`;
  // Right after <meta charSet> (which must stay in the first bytes), before any script.
  const charset = html.match(/<meta charSet="utf-8"\s*\/?>/i);
  html = charset ? html.replace(charset[0], charset[0] + tag) : html.replace(/<head>/i, `<head>${tag}`);
  writeFileSync(file, html);
  pages++;
}
process.stdout.write(`csp-hashes: ${pages} pages\n`);
if (pages === 0) process.exit(1);
