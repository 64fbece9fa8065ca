// Questionnaire autosave (progressive enhancement; the page works fully without it).
// After the user stops typing for a moment, the answer form is posted to its own Save handler with the header
// X-Autosave: 1. The server answers with JSON instead of a redirect: on success the hidden Version field takes the
// new version (so the next save is not mistaken for a conflict) and "Gespeichert" is announced in the polite live
// region; a failure, a conflict or an invalid value in the assertive one.
// Autosave never resolves a conflict: on 409 it stops and asks the user to save by hand, which shows both versions.
// A manual save while an autosave is on its way waits for it and is then sent with the version the autosave returned,
// so the user's own autosave is never shown as someone else's change.
(function () {
  'use strict';

  var form = document.getElementById('question-form');
  var status = document.getElementById('autosave-status');
  var alert = document.getElementById('autosave-alert');
  if (!form || !status || !alert || !window.fetch || !window.FormData) {
    return;
  }

  var version = form.querySelector('input[name="Input.Version"]');
  var delay = 2500;
  var timer = null;
  var running = false;
  var pending = false;
  var stopped = false;
  var submitWaiting = false;
  var submitter = null;
  var lang = document.documentElement.lang === 'en' ? 'en' : 'de';
  var texts = {
    de: {
      saving: 'Wird gespeichert …',
      saved: 'Gespeichert',
      incomplete: 'Gespeichert, aber noch unvollständig: ',
      invalid: 'Nicht automatisch gespeichert: ',
      failed: 'Automatisches Speichern fehlgeschlagen. Bitte „Speichern“ wählen.'
    },
    en: {
      saving: 'Saving …',
      saved: 'Saved',
      incomplete: 'Saved, but still incomplete: ',
      invalid: 'Not saved automatically: ',
      failed: 'Automatic saving failed. Please choose “Save”.'
    }
  }[lang];

  // Progress and success go to the polite region; what the user must act on (a failure, a conflict, an invalid
  // value) to the assertive one (role="alert"), which a screen reader reads at once. Only one of them holds text.
  function announce(text, urgent) {
    status.textContent = urgent ? '' : text;
    alert.textContent = urgent ? text : '';
  }

  function messages(list) {
    return (list || []).map(function (item) { return item.message; }).join(' ');
  }

  function save() {
    timer = null;
    if (stopped) {
      return;
    }

    if (running) {
      pending = true;
      return;
    }

    running = true;
    announce(texts.saving);
    fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      credentials: 'same-origin',
      headers: { 'X-Autosave': '1', 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).then(function (result) {
      var data = result.data || {};
      if (result.status === 200 && data.saved) {
        if (version && typeof data.version === 'number') {
          version.value = String(data.version);
        }

        announce(data.issues && data.issues.length ? texts.incomplete + messages(data.issues) : texts.saved);
      } else if (result.status === 409) {
        stopped = true;
        announce(data.message || texts.failed, true);
      } else if (result.status === 422) {
        announce(texts.invalid + messages(data.errors), true);
      } else {
        announce(texts.failed, true);
      }
    }).catch(function () {
      announce(texts.failed, true);
    }).then(function () {
      running = false;
      if (submitWaiting) {
        // The manual save that came while this autosave was on its way, now with the new version.
        submitWaiting = false;
        if (form.requestSubmit) {
          form.requestSubmit(submitter);
        } else {
          form.submit();
        }

        return;
      }

      if (pending) {
        pending = false;
        schedule();
      }
    });
  }

  function schedule() {
    if (stopped) {
      return;
    }

    if (timer) {
      window.clearTimeout(timer);
    }

    timer = window.setTimeout(save, delay);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);

  // A manual save takes over: no further autosave, and one on its way is waited for (its answer carries the new
  // version; sent with the old one, the manual save would be refused as a conflict with the user's own autosave).
  form.addEventListener('submit', function (event) {
    stopped = true;
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }

    if (running) {
      event.preventDefault();
      submitWaiting = true;
      submitter = event.submitter || null;
      announce(texts.saving);
    }
  });
})();
