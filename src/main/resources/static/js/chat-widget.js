/*
 * The OpenBPO chat widget. A client puts one line on its web site:
 *   <script src="https://openbpo.example/js/chat-widget.js" data-client="CLIENTCODE" defer></script>
 * and its customers get a "Chat with us" button. Plain JavaScript, no framework; every text from
 * the server is shown with textContent, never as HTML. The chat survives a page reload (the id and
 * token are kept in sessionStorage), and the browser asks for new lines by long polling.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.client) { return; }
  var server = new URL(script.src, document.baseURI).origin;
  var base = server + '/forms/' + encodeURIComponent(script.dataset.client) + '/chat/sessions';
  var storageKey = 'openbpo-chat-' + script.dataset.client;
  var session = null;
  var lastSeq = 0;
  var polling = false;
  try { session = JSON.parse(sessionStorage.getItem(storageKey)); } catch (e) { session = null; }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  var style = el('style');
  style.textContent = '#obpo-chat{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:14px/1.4 system-ui,sans-serif}'
    + '#obpo-chat button{cursor:pointer;border:0;border-radius:6px;padding:8px 12px;background:' + (script.dataset.colour || '#1a5fb4') + ';color:#fff}'
    + '#obpo-chat .panel{width:320px;max-width:calc(100vw - 32px);background:#fff;border:1px solid #ccc;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:12px}'
    + '#obpo-chat input,#obpo-chat textarea{width:100%;box-sizing:border-box;margin:4px 0;padding:6px;border:1px solid #bbb;border-radius:4px}'
    + '#obpo-chat .log{height:240px;overflow-y:auto;border:1px solid #eee;padding:6px;margin-bottom:6px}'
    + '#obpo-chat .line{margin:4px 0}#obpo-chat .who{font-weight:600;margin-right:4px}#obpo-chat .SYSTEM{color:#666;font-style:italic}'
    + '#obpo-chat .error{color:#a00}';
  document.head.appendChild(style);

  var root = el('div', { id: 'obpo-chat' });
  var opener = el('button', { id: 'obpo-chat-open', type: 'button' }, 'Chat with us');
  var panel = el('div', { 'class': 'panel', id: 'obpo-chat-panel', hidden: '' });
  root.appendChild(opener);
  root.appendChild(panel);
  document.body.appendChild(root);

  var error = el('p', { 'class': 'error', id: 'obpo-chat-error', role: 'alert' });

  function showStart() {
    panel.replaceChildren();
    var form = el('form', { id: 'obpo-chat-start' });
    var name = el('input', { id: 'obpo-chat-name', placeholder: 'Your name', maxlength: '120', required: '' });
    var email = el('input', { id: 'obpo-chat-email', type: 'email', placeholder: 'Your email', maxlength: '254', required: '' });
    var message = el('textarea', { id: 'obpo-chat-first', placeholder: 'How can we help?', rows: '3', maxlength: '2000', required: '' });
    var trap = el('input', { name: 'website', tabindex: '-1', autocomplete: 'off', style: 'position:absolute;left:-10000px', 'aria-hidden': 'true' });
    form.append(name, email, message, trap, el('button', { type: 'submit', id: 'obpo-chat-go' }, 'Start chat'), error);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send('POST', base, { name: name.value, email: email.value, message: message.value, website: trap.value || null })
        .then(function (started) {
          session = started;
          sessionStorage.setItem(storageKey, JSON.stringify(session));
          lastSeq = 0;
          showConversation();
        }, showError);
    });
    panel.appendChild(form);
  }

  var log, status;

  function showConversation() {
    panel.replaceChildren();
    status = el('p', { id: 'obpo-chat-status' }, session.reference ? 'Reference ' + session.reference + ' — waiting for an agent…' : 'Waiting for an agent…');
    log = el('div', { 'class': 'log', id: 'obpo-chat-log', 'aria-live': 'polite' });
    var form = el('form', { id: 'obpo-chat-say' });
    var input = el('input', { id: 'obpo-chat-input', placeholder: 'Type a message', maxlength: '2000', autocomplete: 'off' });
    var leave = el('button', { type: 'button', id: 'obpo-chat-end' }, 'End chat');
    form.append(input, el('button', { type: 'submit', id: 'obpo-chat-send' }, 'Send'), leave, error);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!input.value.trim()) { return; }
      var text = input.value;
      input.value = '';
      send('POST', base + '/' + session.chatId + '/messages', { body: text }).then(function () {}, showError);
    });
    leave.addEventListener('click', function () {
      send('POST', base + '/' + session.chatId + '/end').then(function () {}, showError);
    });
    panel.append(status, log, form);
    poll();
  }

  function poll() {
    if (polling || !session) { return; }
    polling = true;
    send('GET', base + '/' + session.chatId + '/messages?after=' + lastSeq).then(function (view) {
      polling = false;
      view.messages.forEach(function (line) {
        lastSeq = Math.max(lastSeq, line.seq);
        var row = el('div', { 'class': 'line ' + line.author, 'data-seq': String(line.seq) });
        row.append(el('span', { 'class': 'who' }, line.name + ':'), el('span', { 'class': 'body' }, line.body));
        log.appendChild(row);
        log.scrollTop = log.scrollHeight;
      });
      if (view.status === 'ENDED') {
        status.textContent = 'This chat has ended. Reference ' + view.reference + '.';
        sessionStorage.removeItem(storageKey);
        session = null;
        return;
      }
      status.textContent = view.agentName ? 'You are chatting with ' + view.agentName + '.'
        : 'Reference ' + view.reference + ' — waiting for an agent…';
      poll();
    }, function (problem) {
      polling = false;
      if (problem && problem.status === 404) {
        sessionStorage.removeItem(storageKey);
        session = null;
        showStart();
        return;
      }
      setTimeout(poll, 3000);
    });
  }

  function send(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (session && session.token) { headers['X-Chat-Token'] = session.token; }
    return fetch(url, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 204) { return null; }
        return response.json().then(function (json) {
          if (!response.ok) { json.status = response.status; throw json; }
          return json;
        });
      });
  }

  function showError(problem) {
    error.textContent = problem && problem.detail ? problem.detail : 'Something went wrong; please try again.';
  }

  opener.addEventListener('click', function () {
    if (panel.hasAttribute('hidden')) {
      panel.removeAttribute('hidden');
      if (session) { showConversation(); } else { showStart(); }
    } else {
      panel.setAttribute('hidden', '');
    }
  });
}());
