// Links that never break: a question's old anchor (#old-id) is followed to its current one. Fragments never
// reach the server, so the category page lists its redirects in <script id="faq-redirects"> (old id -> current
// "/faq/{category}#{id}") and this script applies them. Without JavaScript the page still works; only an old
// anchor then stops at the top of the page.
(function () {
  'use strict';
  var data = document.getElementById('faq-redirects');
  if (!data) {
    return;
  }
  var redirects;
  try {
    redirects = JSON.parse(data.textContent);
  } catch (e) {
    return;
  }

  function follow() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return;
    }
    // An element with that id wins: the anchor still exists on this page.
    if (!id || document.getElementById(id) || !Object.prototype.hasOwnProperty.call(redirects, id)) {
      return;
    }
    var target = redirects[id];
    var hash = target.indexOf('#');
    if (target.slice(0, hash) === location.pathname) {
      // Same page: replace the fragment, so that Back does not return to the old anchor.
      location.replace(target.slice(hash));
    } else {
      location.replace(target);
    }
  }

  follow();
  window.addEventListener('hashchange', follow);
})();
