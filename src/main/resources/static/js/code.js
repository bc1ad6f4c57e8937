// Colours code blocks written with a language (```python) with highlight.js, which the jar ships (a WebJar, served
// from this site like every other script): no maintained Java library highlights as many languages as well, so it
// is done here, in the reader's browser, after the page is shown. Only the colour of words changes (site.css gives
// the colours, which read in both themes), never their size, so nothing moves. A block without a language, in a
// language highlight.js does not know, or with marked search words (<mark>, which would be lost) stays as it is.
(function () {
  'use strict';
  if (!window.hljs) {
    return;
  }
  document.querySelectorAll('pre > code[class*="language-"]').forEach(function (code) {
    var language = /(?:^|\s)language-([\w+#.-]+)/.exec(code.className);
    if (!language || !window.hljs.getLanguage(language[1]) || code.children.length > 0) {
      return;
    }
    window.hljs.highlightElement(code);
  });
}());
