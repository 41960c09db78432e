// The console's only script (no inline script: the CSP forbids it). It keeps one event stream
// open, turns its events into htmx triggers ("sse:traffic" on <body>) so that each page's
// parts re-fetch themselves, and raises the alarm: banner (server-rendered), flashing title,
// and a tone once the officer has armed sound with a click, as browsers require.
(function () {
  'use strict';
  var body = document.body;
  var csrf = body.dataset.csrf;
  var last = body.dataset.lastEvent || '0';
  var title = body.dataset.title || document.title;
  var live = document.getElementById('live');
  var armButton = document.getElementById('arm');
  var audio = null;
  var flashTimer = null;
  var beepTimer = null;

  // Every htmx request carries the session's CSRF token.
  document.addEventListener('htmx:configRequest', function (e) {
    e.detail.headers['X-CSRF-Token'] = csrf;
  });
  // A session that ended sends the browser to the login page (htmx follows HX-Redirect).

  function activeAlarms() {
    return document.querySelectorAll('#alarms [data-alarm]').length;
  }

  function beep() {
    if (!audio) { return; }
    var o = audio.createOscillator();
    var g = audio.createGain();
    o.type = 'square';
    o.frequency.value = 880;
    g.gain.value = 0.2;
    o.connect(g); g.connect(audio.destination);
    o.start(); o.stop(audio.currentTime + 0.25);
  }

  function alarmState() {
    var n = activeAlarms();
    body.dataset.alarms = String(n);
    if (n > 0 && !flashTimer) {
      var on = false;
      flashTimer = setInterval(function () {
        on = !on;
        document.title = on ? '\u26A0 ' + (document.querySelector('#alarms [data-alarm] a') || {}).textContent : title;
      }, 700);
      beep();
      beepTimer = setInterval(beep, 1500);
    } else if (n === 0 && flashTimer) {
      clearInterval(flashTimer); clearInterval(beepTimer);
      flashTimer = null; beepTimer = null;
      document.title = title;
    }
  }

  if (armButton) {
    armButton.addEventListener('click', function () {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (Ctx && !audio) { audio = new Ctx(); }
      if (audio) { audio.resume(); }
      armButton.classList.add('armed');
      armButton.textContent = armButton.dataset.armed;
      beep();
    });
  }

  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.target && e.target.id === 'alarms') { alarmState(); }
  });

  function connect() {
    var source = new EventSource('/events?since=' + encodeURIComponent(last));
    source.onopen = function () {
      if (live) { live.classList.remove('off'); live.textContent = live.dataset.on; }
    };
    source.onerror = function () {
      if (live) { live.classList.add('off'); live.textContent = live.dataset.off; }
      // The browser retries by itself with Last-Event-ID; a closed stream (session over) is
      // retried here, and the login page takes over when the session is gone.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(function () {
          fetch('/alarms', { headers: { 'HX-Request': 'true' } }).then(function (r) {
            if (r.status === 401) { window.location = r.headers.get('HX-Redirect') || '/login?expired'; } else { connect(); }
          }, function () { setTimeout(connect, 2000); });
        }, 1000);
      }
    };
    ['traffic', 'alarm', 'link', 'watch', 'reset'].forEach(function (name) {
      source.addEventListener(name, function (e) {
        if (e.lastEventId) { last = e.lastEventId; }
        if (name === 'reset') {
          ['traffic', 'alarm', 'link', 'watch', 'reset'].forEach(fire);
        } else {
          fire(name);
        }
      });
    });
  }

  // A busy link can bring hundreds of events a second; each part re-fetches its whole fragment,
  // so events are coalesced: the first fires at once, the rest of a burst fire once when the
  // window closes (never dropped: the last change always shows). "sse:NAME" fires at most every
  // 250 ms, "sse:NAME-slow" every 2 s for parts that are costly to draw (readiness).
  var windows = {};
  function throttled(event, ms) {
    var w = windows[event] || (windows[event] = { timer: null, pending: false });
    if (w.timer) { w.pending = true; return; }
    htmx.trigger(body, event, {});
    w.timer = setTimeout(function again() {
      if (w.pending) {
        w.pending = false;
        htmx.trigger(body, event, {});
        w.timer = setTimeout(again, ms);
      } else {
        w.timer = null;
      }
    }, ms);
  }
  function fire(name) {
    throttled('sse:' + name, 250);
    throttled('sse:' + name + '-slow', 2000);
  }

  alarmState();
  if (window.EventSource) { connect(); }
})();
