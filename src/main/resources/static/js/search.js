// Suggestions as you type in the search box: the WAI-ARIA combobox pattern (list autocomplete), and "/" to get
// there. Progressive enhancement: without this script the box is a plain search form.
(function () {
  'use strict';

  var form = document.querySelector('form.search-box[data-suggest-url]');
  if (!form || !window.fetch) {
    return;
  }
  var input = form.querySelector('[role="combobox"]');
  var list = document.getElementById(input.getAttribute('aria-controls'));
  var status = form.querySelector('[role="status"]');
  var url = form.getAttribute('data-suggest-url');
  var items = [];
  var active = -1;
  var timer = null;
  var pending = null;
  var latest = 0;

  function close() {
    list.hidden = true;
    list.innerHTML = '';
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function announce(text) {
    status.textContent = text;
  }

  // The page's words in its language, when it is not English (fragments/layout.html, #page-words)
  var words = (function () {
    var data = document.getElementById('page-words');
    try { return data ? JSON.parse(data.textContent) : {}; } catch (e) { return {}; }
  }());
  function word(key, english, value) {
    return (words[key] || english).replace('{0}', value === undefined ? '' : value);
  }


  function show(suggestions) {
    close();
    if (suggestions.length === 0) {
      announce(word('noSuggestions', 'No suggestions.'));
      return;
    }
    suggestions.forEach(function (suggestion, index) {
      var option = document.createElement('li');
      option.id = 'q-option-' + index;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      // textContent: a question is text, never markup
      option.textContent = suggestion.question;
      option.addEventListener('mousedown', function (event) {
        // keep the focus in the input until the choice is made
        event.preventDefault();
      });
      option.addEventListener('click', function () {
        go(index);
      });
      list.appendChild(option);
      items.push(suggestion);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    announce(suggestions.length === 1 ? word('oneSuggestion', '1 suggestion.')
      : word('suggestions', '{0} suggestions.', suggestions.length));
  }

  function select(index) {
    var options = list.querySelectorAll('[role="option"]');
    if (active >= 0 && options[active]) {
      options[active].setAttribute('aria-selected', 'false');
    }
    active = index;
    if (active >= 0 && options[active]) {
      options[active].setAttribute('aria-selected', 'true');
      options[active].scrollIntoView({ block: 'nearest' });
      input.setAttribute('aria-activedescendant', options[active].id);
    }
    else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function go(index) {
    var target = items[index];
    if (target) {
      // straight to the answer, with the typed words marked in it
      window.location.href = target.url + '?hl=' + encodeURIComponent(input.value);
    }
  }

  function fetchSuggestions() {
    var text = input.value;
    if (text.trim().length < 2) {
      close();
      return;
    }
    var ticket = ++latest;
    if (pending && pending.abort) {
      pending.abort();
    }
    pending = window.AbortController ? new AbortController() : null;
    fetch(url + '?q=' + encodeURIComponent(text), {
      headers: { Accept: 'application/json' },
      signal: pending ? pending.signal : undefined
    }).then(function (response) {
      return response.ok ? response.json() : { suggestions: [] };
    }).then(function (body) {
      // an older answer must not replace a newer one
      if (ticket === latest && document.activeElement === input) {
        show(body.suggestions || []);
      }
    }).catch(function () {
      // offline or aborted: the form still works
    });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });

  input.addEventListener('keydown', function (event) {
    var open = !list.hidden && items.length > 0;
    switch (event.key) {
      case 'ArrowDown':
        if (open) {
          select(active < items.length - 1 ? active + 1 : 0);
          event.preventDefault();
        }
        else if (input.value.trim().length >= 2) {
          fetchSuggestions();
          event.preventDefault();
        }
        break;
      case 'ArrowUp':
        if (open) {
          select(active > 0 ? active - 1 : items.length - 1);
          event.preventDefault();
        }
        break;
      case 'Enter':
        if (open && active >= 0) {
          event.preventDefault();
          go(active);
        }
        // otherwise the form submits: a full search
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
          announce(word('suggestionsClosed', 'Suggestions closed.'));
        }
        else if (input.value) {
          event.preventDefault();
          input.value = '';
        }
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', function () {
    close();
  });

  // "/" from anywhere on the page goes to the search box, as on many sites; not while typing in a field.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      return;
    }
    event.preventDefault();
    input.focus();
    input.select();
  });
}());
