// Next.js: a static export (out/) that any static host can serve; all computing happens in the browser.
// The lockfile already pins @next/swc for our platforms; don't let `next build` try to rewrite it.
process.env.NEXT_IGNORE_INCORRECT_LOCKFILE ??= '1';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  // Folder-style URLs (/digits/ → /digits/index.html) work on every static host.
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` runs ESLint on its own; the build need not lint twice.
  eslint: { ignoreDuringBuilds: true },
  webpack: (config, { isServer }) => {
    if (!isServer) {
      // Some ML packages mention Node built-ins behind runtime checks; the browser never needs them.
      config.resolve.fallback = {
        ...config.resolve.fallback,
        fs: false,
        path: false,
        crypto: false,
        os: false,
      };
    }
    // No eval in the bundle (strict CSP): see scripts/build/no-eval-loader.cjs.
    config.module.rules.push({
      test: /@magenta[\\/]music[\\/]es6[\\/].*\.js$/,
      use: [require.resolve('./scripts/build/no-eval-loader.cjs')],
    });
    return config;
  },
};

module.exports = nextConfig;
