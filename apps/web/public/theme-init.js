/* global document */
// Runs before the app: applies the theme and language saved by the app (src/lib/theme.ts, src/i18n).
try {
  const theme = localStorage.getItem('sauda.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  const lang = localStorage.getItem('sauda.lang');
  if (lang) document.documentElement.lang = lang;
} catch {
  // Storage can be blocked (privacy mode); the system theme applies then.
}
