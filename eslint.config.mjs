// ESLint: Next.js core-web-vitals + TypeScript rules, and no console.log in the library.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { FlatCompat } from '@eslint/eslintrc';

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const config = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'out/**',
      'public/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
    ],
  },
  ...compat.extends('next/core-web-vitals', 'next/typescript'),
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: { 'no-console': ['error', { allow: ['debug', 'info', 'warn', 'error'] }] },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'bench/**/*.{js,mjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

export default config;
