// Session time limit (WCAG 2.2.1, BITV 2.0). The sign-in session ends after a configured time without a request.
// Shortly before, this opens the session dialog (a modal alertdialog): „Angemeldet bleiben“ renews the session without
// leaving the page, so nothing typed is lost. After the end it says so, offers to sign in again in a new tab and keeps
// the page's forms from being sent into the login redirect (which would drop what was typed); back in this tab, a check
// finds the new session and the user saves as usual (the forms' anti-forgery tokens stay valid for the same user).
// Before it warns, it asks the server how long the session really has left (GET, which does not renew it): another tab
// or an autosave may have renewed it since this page was loaded. Progressive enhancement: without JavaScript the dialog
// stays closed.
(function () {
  'use strict';

  var dialog = document.getElementById('session-dialog');
  var live = document.getElementById('session-announcement');
  var form = document.getElementById('session-extend-form');
  var warning = document.getElementById('session-warning');
  var ended = document.getElementById('session-expired');
  var endText = document.getElementById('session-end');
  if (!dialog || !live || !form || !warning || !ended || !endText || !window.fetch || !window.FormData
      || typeof dialog.showModal !== 'function') {
    return;
  }

  var statusUrl = dialog.getAttribute('data-status-url');
  var warnMs = Number(dialog.getAttribute('data-warn-seconds')) * 1000;
  var lang = document.documentElement.lang || 'de';
  var deadline = Date.now() + Number(dialog.getAttribute('data-seconds')) * 1000;
  var timer = null;
  var expired = false;
  var returnFocus = null;
  var checking = false;

  function clock(ms) {
    return new Date(ms).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
  }

  function fill(name, ms) {
    return dialog.getAttribute(name).replace('{0}', clock(ms));
  }

  function announce(text) {
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 100);
  }

  function schedule(ms) {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, Math.max(ms, 1000));
  }

  // Shows one part of the dialog (the warning or the end) and puts the focus on its first action.
  function show(part, focus) {
    warning.hidden = part !== warning;
    ended.hidden = part !== ended;
    dialog.setAttribute('aria-labelledby', part.id + '-title');
    dialog.setAttribute('aria-describedby', part.id + '-text');
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    }

    document.getElementById(focus).focus();
  }

  function close() {
    if (dialog.open) {
      dialog.close();
    }
  }

  function showWarning() {
    endText.textContent = fill('data-end-template', deadline);
    if (!(dialog.open && !warning.hidden)) {
      show(warning, 'session-extend');
    }
  }

  function showExpired() {
    expired = true;
    window.clearTimeout(timer);
    if (!(dialog.open && !ended.hidden)) {
      show(ended, 'session-login');
    }
  }

  // Quiet: after the end only a new session counts (the user closed the dialog to copy what they typed; coming back to
  // the tab must not open it again).
  function update(state, quiet) {
    if (!state.authenticated) {
      if (!(quiet && expired)) {
        showExpired();
      }

      return;
    }

    deadline = Date.now() + state.seconds * 1000;
    if (expired) {
      // Signed in again (in another tab): the page's forms work again.
      expired = false;
      close();
      announce(dialog.getAttribute('data-back-text'));
    }

    if (state.seconds * 1000 > warnMs) {
      close(); // renewed elsewhere meanwhile
      schedule(deadline - warnMs - Date.now());
    } else {
      showWarning();
      schedule(deadline - Date.now() + 1000);
    }
  }

  // How long the session has left, from the server (the question does not renew it).
  function check(quiet) {
    if (checking) {
      return;
    }

    checking = true;
    window.fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }

        return response.json();
      })
      .then(function (state) {
        checking = false;
        update(state, quiet === true);
      })
      .catch(function () {
        // Server not reachable: ask again in a minute; the dialog stays as it is.
        checking = false;
        schedule(60000);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }

        return response.json();
      })
      .then(function (state) {
        if (!state.authenticated) {
          showExpired();
          return;
        }

        deadline = Date.now() + state.seconds * 1000;
        close();
        announce(fill('data-extended-template', deadline));
        schedule(deadline - warnMs - Date.now());
      })
      .catch(function () {
        check();
      });
  });

  document.getElementById('session-dismiss').addEventListener('click', close);
  document.getElementById('session-close').addEventListener('click', close);

  dialog.addEventListener('close', function () {
    if (returnFocus && document.contains(returnFocus) && typeof returnFocus.focus === 'function') {
      returnFocus.focus();
    }

    returnFocus = null;
  });

  // After the end, a form sent now would land on the login page and lose what was typed: keep it here and say why.
  window.addEventListener('submit', function (event) {
    var target = event.target;
    if (!expired || target === form || target.hasAttribute('data-session-free')
        || (target.getAttribute('method') || '').toLowerCase() !== 'post') {
      return;
    }

    event.preventDefault();
    event.stopImmediatePropagation();
    check();
  }, true);

  // Back from signing in again in another tab (or from a long pause, in which timers may not have run): ask at once.
  function returned() {
    if (expired || dialog.open || Date.now() > deadline - warnMs) {
      check(true);
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      returned();
    }
  });
  window.addEventListener('focus', returned);

  schedule(deadline - warnMs - Date.now());
}());
