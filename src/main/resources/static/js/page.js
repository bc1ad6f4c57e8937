// Small helpers on answer pages, all progressive enhancement (without JavaScript the buttons stay hidden):
// "Copy link" beside every answer, a copy button on every code block, and a sign on code blocks that scroll.
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

  var status = document.getElementById('page-status');

  function announce(text) {
    if (status) {
      // cleared first, so that the same words twice are announced twice
      status.textContent = '';
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http on another host: the older way, through a selected text area.
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      document.body.removeChild(area);
      if (copied) {
        resolve();
      } else {
        reject(new Error('copy refused'));
      }
    });
  }

  // Says "Copied" on the button for a moment, and to screen readers through the page's status line.
  function copyFrom(button, text, done, failed) {
    var label = button.textContent;
    copyText(text).then(function () {
      button.textContent = word('copied', 'Copied');
      announce(done);
    }, function () {
      announce(failed);
    }).then(function () {
      window.setTimeout(function () { button.textContent = label; }, 2000);
    });
  }

  document.querySelectorAll('.copy-link[data-url]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      // data-url is the answer's own page, absolute when the site knows its address: never the ?hl= of a search
      var url = new URL(button.getAttribute('data-url'), window.location.href).href;
      copyFrom(button, url, word('linkCopied', 'Link copied: {0}', url), word('linkFailed', 'Could not copy the link. It is {0}', url));
    });
  });

  document.querySelectorAll('.code-block').forEach(function (block) {
    var pre = block.querySelector('pre');
    if (!pre) {
      return;
    }
    var bar = block.querySelector('.code-bar');
    if (!bar) {
      bar = document.createElement('div');
      bar.className = 'code-bar';
      block.insertBefore(bar, pre);
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = word('copyCode', 'Copy code');
    button.addEventListener('click', function () {
      copyFrom(button, pre.textContent.replace(/\n$/, ''), word('codeCopied', 'Code copied.'), word('codeFailed', 'Could not copy the code.'));
    });
    bar.appendChild(button);

    function measure() {
      block.classList.toggle('overflows', pre.scrollWidth > pre.clientWidth + 1);
    }
    measure();
    window.addEventListener('resize', measure);
  });
}());
