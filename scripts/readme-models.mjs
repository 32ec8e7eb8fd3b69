#!/usr/bin/env node
// Rewrites the model table in README.md (between the MODELS markers) from public/models/manifest.json.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8'));
const rows = manifest.models.map(
  (m) =>
    `| \`${m.name}\` | ${m.use || '—'} | ${m.source} | ${m.licence} | ${(m.bytes / 1e6).toFixed(2)} MB |`,
);
const table = ['| folder | use | source | licence | size |', '|---|---|---|---|---|', ...rows].join('\n');
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(
  /<!-- MODELS:START -->[\s\S]*<!-- MODELS:END -->/,
  `<!-- MODELS:START -->\n${table}\n<!-- MODELS:END -->`,
);
writeFileSync('README.md', next);
process.stdout.write(`README model table: ${rows.length} models\n`);
