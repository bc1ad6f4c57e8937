// Light or dark: the system's choice (prefers-color-scheme, in site.css) until the reader presses the header's
// "Dark mode" button; that choice is kept in localStorage on this device only, never sent to the server, so pages
// stay the same for everyone. Loaded without defer in <head>, so that a dark page never flashes white.
(function () {
  'use strict';
  var KEY = 'faqkb-theme';
  var root = document.documentElement;
  var system = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function stored() {
    try {
      var theme = window.localStorage.getItem(KEY);
      return theme === 'dark' || theme === 'light' ? theme : null;
    } catch (e) {
      return null; // storage turned off: follow the system
    }
  }

  var chosen = stored();
  if (chosen) {
    root.setAttribute('data-theme', chosen);
  }

  function isDark() {
    var theme = root.getAttribute('data-theme');
    return theme ? theme === 'dark' : !!(system && system.matches);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.theme-toggle');
    if (!button) {
      return;
    }
    function show() {
      button.setAttribute('aria-pressed', isDark() ? 'true' : 'false');
    }
    button.addEventListener('click', function () {
      var theme = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', theme);
      try {
        window.localStorage.setItem(KEY, theme);
      } catch (e) {
        // not kept, but this page still switches
      }
      show();
    });
    if (system && system.addEventListener) {
      system.addEventListener('change', show);
    }
    // Another tab changed it: follow, so that tabs agree.
    window.addEventListener('storage', function (event) {
      if (event.key === KEY) {
        var theme = stored();
        if (theme) {
          root.setAttribute('data-theme', theme);
        } else {
          root.removeAttribute('data-theme');
        }
        show();
      }
    });
    show();
    button.hidden = false;
  });
}());
