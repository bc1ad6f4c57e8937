// On a translated site, offers the reader the page in the language their browser prefers, when the site has it and
// the page is in another: a link beside the language switch, never a redirect (pages stay the same for everyone).
// Once the reader picks a language in the switch (or the offer), it is remembered in this browser and not offered
// again; nothing is sent to the server.
(function () {
  'use strict';

  var KEY = 'faqkb-language';
  var switcher = document.querySelector('nav.languages');
  var offer = document.getElementById('language-offer');
  if (!switcher || !offer) { return; }
  var links = Array.prototype.slice.call(switcher.querySelectorAll('a[hreflang]'));

  function remember(event) {
    try { window.localStorage.setItem(KEY, event.currentTarget.getAttribute('hreflang')); } catch (e) { /* private mode */ }
  }
  links.forEach(function (link) { link.addEventListener('click', remember); });

  var chosen = null;
  try { chosen = window.localStorage.getItem(KEY); } catch (e) { /* private mode */ }
  if (chosen) { return; }

  function primary(tag) { return tag.toLowerCase().split('-')[0]; }
  function find(wanted) {
    var exact = links.filter(function (link) { return link.hreflang.toLowerCase() === wanted.toLowerCase(); })[0];
    return exact || links.filter(function (link) { return primary(link.hreflang) === primary(wanted); })[0];
  }

  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  var best = null;
  for (var i = 0; i < preferred.length && !best; i++) {
    best = preferred[i] ? find(preferred[i]) : null;
  }
  if (!best || best.getAttribute('aria-current')) { return; }
  var link = best.cloneNode(true);
  link.removeAttribute('aria-current');
  link.addEventListener('click', remember);
  offer.appendChild(link);
  offer.hidden = false;
}());
