// "Was this helpful?" without leaving the page. Without JavaScript the same forms post and the reply is a
// thank-you page, so this only sends them with fetch and shows the next step in place. No token is needed:
// the server accepts posts that the browser marks as coming from this site (Sec-Fetch-Site, Origin).
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

  function show(element, visible) {
    if (element) { element.hidden = !visible; }
  }

  function fail(box, message) {
    var error = box.querySelector('.feedback-error');
    error.textContent = message || word('feedbackFailed', 'Sorry, your feedback could not be sent. Please try again.');
    show(error, true);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-feedback]') || !window.fetch) { return; }
    event.preventDefault();
    var box = form.closest('.feedback');
    var data = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) { data.set(event.submitter.name, event.submitter.value); }
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    show(box.querySelector('.feedback-error'), false);

    fetch(form.action, { method: 'POST', body: data, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) { throw new Error(body.error || ''); }
          return body;
        });
      })
      .then(function () {
        var comment = box.querySelector('.feedback-comment');
        show(form, false);
        if (form.classList.contains('feedback-vote')) {
          comment.querySelector('input[name=helpful]').value = data.get('helpful');
          show(comment, true);
          comment.querySelector('.feedback-thanks').focus();
        } else {
          var done = box.querySelector('.feedback-done');
          show(done, true);
          done.focus();
        }
      })
      .catch(function (error) { fail(box, error.message); })
      .finally(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  });
})();
