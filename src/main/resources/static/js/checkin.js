// The check-in desk: the camera scanner (html5-qrcode, from its webjar) and small conveniences around the htmx forms.
// Every check-in goes through a form, so htmx sends it with the CSRF header; without htmx the form posts normally.
(function () {
  var scanner = null;
  var lastCode = null;
  var lastAt = 0;

  function show(id, visible) {
    var element = document.getElementById(id);
    if (element) {
      element.hidden = !visible;
    }
  }

  // The camera sees the same QR code many times a second; one check-in per code every few seconds is enough.
  function onScan(text) {
    var now = Date.now();
    if (text === lastCode && now - lastAt < 4000) {
      return;
    }
    lastCode = text;
    lastAt = now;
    var form = document.getElementById('scan-form');
    document.getElementById('scan-code').value = text;
    form.requestSubmit();
  }

  function start() {
    show('scan-unavailable', false);
    if (typeof Html5Qrcode === 'undefined') {
      show('scan-unavailable', true);
      return;
    }
    if (!scanner) {
      scanner = new Html5Qrcode('scanner');
    }
    scanner.start({ facingMode: 'environment' }, { fps: 10, qrbox: { width: 240, height: 240 } }, onScan, function () {
      // no code in this frame: keep looking
    }).then(function () {
      show('scan-start', false);
      show('scan-stop', true);
    }).catch(function () {
      show('scan-unavailable', true);
    });
  }

  function stop() {
    if (!scanner) {
      return;
    }
    scanner.stop().catch(function () {
      // already stopped
    }).then(function () {
      show('scan-stop', false);
      show('scan-start', true);
    });
  }

  document.addEventListener('click', function (event) {
    if (event.target.closest('#scan-start')) {
      start();
    } else if (event.target.closest('#scan-stop')) {
      stop();
    }
  });

  // A typed code is done once answered: clear the box for the next person.
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (form && form.id === 'code-form' && event.detail.successful) {
      var input = document.getElementById('code');
      input.value = '';
      input.focus();
    }
  });

  document.addEventListener('walk-in-registered', function () {
    var form = document.getElementById('walk-in-form');
    if (form) {
      form.reset();
    }
  });
})();
