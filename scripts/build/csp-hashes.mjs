#!/usr/bin/env node
// After `next build`: in every exported page, replace the CSP placeholder 'inline-script-hashes'
// (components/layout/csp-meta.tsx) with the SHA-256 hashes of that page's inline scripts, and move
// the CSP <meta> to the top of <head> so that it governs every script after it.
// Usage: node scripts/build/csp-hashes.mjs [dir=out]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? 'out';
const PLACEHOLDER = "'inline-script-hashes'";
const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/i;

function* htmlFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith('.html')) yield path;
  }
}

const unescape = (s) =>
  s
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

let pages = 0;
let missing = 0;
for (const file of htmlFiles(root)) {
  let html = readFileSync(file, 'utf8');
  const meta = html.match(META);
  if (!meta) {
    missing++;
    continue;
  }
  html = html.replace(meta[0], '');
  const hashes = new Set();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc=/i.test(m[1] ?? '') || m[2] === '') continue;
    hashes.add(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  const policy = unescape(meta[1]).replace(PLACEHOLDER, [...hashes].join(' '));
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`;
  // Right after <meta charSet> (which must stay in the first bytes), before any script.
  const charset = html.match(/<meta charSet="utf-8"\s*\/?>/i);
  html = charset ? html.replace(charset[0], charset[0] + tag) : html.replace(/<head>/i, `<head>${tag}`);
  writeFileSync(file, html);
  pages++;
}
process.stdout.write(`csp-hashes: ${pages} pages${missing ? `, ${missing} without a CSP meta` : ''}\n`);
if (pages === 0) process.exit(1);
