// Chooses the UI language before the first paint (loaded as a plain, blocking script at the top of
// <body>; an external file so a strict Content-Security-Policy needs no inline script). The static
// HTML is English; when the chosen language is another one, the page stays hidden until React has
// re-rendered it in that language (components/i18n/i18n-provider.tsx removes the flag), or 4 s.
// Must agree with lib/i18n (LOCALE_STORAGE_KEY, LOCALES, detectLocale): lib/i18n/locale-script.test.ts.
(function () {
  var KEY = 'cais.locale';
  var LOCALES = ['ko', 'en'];
  var STATIC = 'en';
  var chosen = null;
  try {
    var saved = window.localStorage.getItem(KEY);
    if (LOCALES.indexOf(saved) >= 0) chosen = saved;
  } catch (e) {
    // Storage can be blocked; fall back to the browser's languages.
  }
  if (!chosen) {
    var langs = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]) || [];
    for (var i = 0; i < langs.length && !chosen; i++) {
      var base = String(langs[i] || '').toLowerCase().split('-')[0];
      if (LOCALES.indexOf(base) >= 0) chosen = base;
    }
  }
  chosen = chosen || 'en';
  var html = document.documentElement;
  html.lang = chosen;
  if (chosen !== STATIC) {
    html.setAttribute('data-i18n-pending', chosen);
    setTimeout(function () {
      html.removeAttribute('data-i18n-pending');
    }, 4000);
  }
})();
