// The tiny script that picks the UI language before the first paint (public/locale.js). It is a
// plain blocking script at the top of <body>: it must run before any content is painted.

/** Renders the <script> tag; place it first inside <body>. */
export function LocaleScript() {
  // eslint-disable-next-line @next/next/no-sync-scripts -- it must run before the first paint
  return <script src="/locale.js" />;
}
