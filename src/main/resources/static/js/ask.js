// "Didn't find your answer? Ask us" without leaving the page. Without JavaScript the same form posts and the
// reader lands on a thank-you page (or the form again, with the reason); this only sends it with fetch and thanks
// in place.
(function () {
  'use strict';

  // The page's words in its language, when it is not English (fragments/layout.html, #page-words)
  var words = (function () {
    var data = document.getElementById('page-words');
    try { return data ? JSON.parse(data.textContent) : {}; } catch (e) { return {}; }
  }());
  function word(key, english, value) {
    return (words[key] || english).replace('{0}', value === undefined ? '' : value);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-ask]') || !window.fetch) { return; }
    event.preventDefault();
    var box = form.closest('.ask');
    var error = form.querySelector('.ask-error');
    var question = form.querySelector('textarea');
    var button = form.querySelector('button');
    button.disabled = true;
    error.hidden = true;
    // The reasons of a post refused before (the page without this script), now out of date.
    form.querySelectorAll('.ask-field-error').forEach(function (old) { old.remove(); });
    form.querySelectorAll('textarea, input').forEach(function (field) {
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
    });

    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)),
      headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) { throw new Error(body.error || ''); }
          return body;
        });
      })
      .then(function (body) {
        var done = box.querySelector('.ask-done');
        form.hidden = true;
        done.textContent = body.message;
        done.hidden = false;
        done.focus();
      })
      .catch(function (failure) {
        error.textContent = failure.message || word('askFailed', 'Sorry, your question could not be sent. Please try again.');
        error.hidden = false;
        question.setAttribute('aria-describedby', error.id);
        question.focus();
      })
      .finally(function () { button.disabled = false; });
  });
})();
