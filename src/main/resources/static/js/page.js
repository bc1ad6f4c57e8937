// Small helpers on answer pages, all progressive enhancement (without JavaScript the buttons stay hidden):
// "Copy link" beside every answer, a copy button on every code block, a sign on code blocks that scroll, and the
// category's contents opened where they stand beside the answers.
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
    // the button's own markup (an icon and hidden words, or words), never anything from the page
    var label = button.innerHTML;
    copyText(text).then(function () {
      button.textContent = word('copied', 'Copied');
      announce(done);
    }, function () {
      announce(failed);
    }).then(function () {
      window.setTimeout(function () { button.innerHTML = label; }, 2000);
    });
  }

  var COPY_ICON = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16">'
    + '<path d="M8 3h9a2 2 0 0 1 2 2v11h-2V5H8zM5 7h9a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2zm0 2v10h9V9z"/></svg>';

  document.querySelectorAll('.copy-link[data-url]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      // data-url is the answer's own page, absolute when the site knows its address: never the ?hl= of a search
      var url = new URL(button.getAttribute('data-url'), window.location.href).href;
      copyFrom(button, url, word('linkCopied', 'Link copied: {0}', url), word('linkFailed', 'Could not copy the link. It is {0}', url));
    });
  });

  // A category's contents: folded on a phone, always shown beside the answers on a wide screen (site.css). Open there,
  // so that its state says what is shown; folded again when the window narrows.
  var toc = document.querySelector('.toc-fold');
  if (toc && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 64rem)');
    var follow = function () { toc.open = wide.matches; };
    follow();
    if (wide.addEventListener) {
      wide.addEventListener('change', follow);
    }
  }

  document.querySelectorAll('.code-block').forEach(function (block) {
    var pre = block.querySelector('pre');
    if (!pre) {
      return;
    }
    // In the language's bar when there is one; otherwise an icon over the block's top right corner, where the code
    // leaves room for it (site.css): never a bar of its own, which would be empty without this script and in print.
    var bar = block.querySelector('.code-bar');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = bar ? 'code-copy' : 'code-copy code-copy-corner';
    if (bar) {
      button.textContent = word('copyCode', 'Copy code');
    } else {
      button.innerHTML = COPY_ICON + '<span class="visually-hidden"></span>';
      button.lastChild.textContent = word('copyCode', 'Copy code');
    }
    button.addEventListener('click', function () {
      copyFrom(button, pre.textContent.replace(/\n$/, ''), word('codeCopied', 'Code copied.'), word('codeFailed', 'Could not copy the code.'));
    });
    if (bar) {
      bar.appendChild(button);
    } else {
      block.insertBefore(button, pre); // before the code in the Tab order, as in a bar
    }

    function measure() {
      block.classList.toggle('overflows', pre.scrollWidth > pre.clientWidth + 1);
    }
    measure();
    window.addEventListener('resize', measure);
  });
}());
