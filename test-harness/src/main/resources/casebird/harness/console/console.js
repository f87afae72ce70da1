'use strict';
// The casebird console: polls GET /api/state and acts through POST /api/statements, each
// action being one statement of the scenario language. The run's token comes from the
// URL's fragment, which the browser never sends to any server.
(function () {
  const POLL_MILLIS = 500;
  const STATUSES = ['open', 'dispatched', 'accepted', 'closed'];
  const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  const $ = (id) => document.getElementById(id);
  let lastState = '';

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clock(iso) {
    return iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : '';
  }

  function timeEl(iso) {
    const t = el('time', 'at', clock(iso));
    if (iso) t.dateTime = iso;
    return t;
  }

  function api(path, options) {
    const init = options || {};
    init.headers = Object.assign({ Authorization: 'Bearer ' + token }, init.headers || {});
    return fetch('/api/' + path, init);
  }

  /** A string of the scenario language: quotes, backslashes and line breaks escaped. */
  function quote(text) {
    return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?/g, '\n')
      .replace(/\n/g, '\\n').replace(/\t/g, '\\t') + '"';
  }

  function setOptions(select, values, label) {
    const wanted = values.map(String);
    const have = Array.from(select.options).map((o) => o.value);
    if (wanted.join('\n') === have.join('\n')) return;
    const chosen = select.value;
    select.replaceChildren(...wanted.map((v, i) => {
      const option = el('option', null, label ? label[i] : v);
      option.value = v;
      return option;
    }));
    if (wanted.includes(chosen)) select.value = chosen;
  }

  function renderConversations(state) {
    $('bot-name').textContent = state.bot ? '@' + state.bot : 'the bot';
    const columns = state.accounts.map((account) => {
      const column = el('section', 'conversation');
      column.dataset.account = account.screenName;
      column.setAttribute('aria-label', 'DMs of @' + account.screenName);
      const head = el('h3', null, '@' + account.screenName);
      head.append(el('span', 'who', account.crmUser ? 'CRM user ' + account.crmUser
        : 'no CRM user'));
      const list = el('ol', 'messages');
      list.tabIndex = 0;
      list.setAttribute('aria-label', 'DMs between @' + account.screenName + ' and the bot');
      account.messages.forEach((m) => {
        const item = el('li', m.fromBot ? 'msg from-bot' : 'msg from-agent');
        item.append(el('span', 'sender', '@' + m.sender));
        if (m.room) item.append(el('span', 'room', 'in ' + m.room));
        item.append(el('p', 'text', m.text), timeEl(m.at));
        list.append(item);
      });
      if (!account.messages.length) list.append(el('li', 'empty', 'No DMs yet.'));
      column.append(head, list);
      return column;
    });
    $('conversations').replaceChildren(...columns);
    document.querySelectorAll('.messages').forEach((l) => { l.scrollTop = l.scrollHeight; });
  }

  function card(kase) {
    const article = el('article', 'card');
    article.dataset.case = kase.id;
    article.append(el('h4', null, '#' + kase.id + ' ' + kase.title));
    const facts = el('dl', 'facts');
    const add = (term, value) => facts.append(el('dt', null, term), el('dd', null, value));
    add('Queue', kase.queue || '—');
    add('Owner', kase.owner || '—');
    add('Notes', kase.notes);
    if (kase.lastNote) add('Last note', kase.lastNote.author + ': ' + kase.lastNote.text);
    article.append(facts);
    return article;
  }

  function renderBoard(cases) {
    $('board').replaceChildren(...STATUSES.map((status) => {
      const mine = cases.filter((c) => c.status === status);
      const column = el('section', 'column status-' + status);
      column.dataset.status = status;
      column.setAttribute('aria-label', status + ' cases');
      const head = el('h3', null, status);
      head.append(el('span', 'count', mine.length));
      column.append(head, ...mine.map(card));
      return column;
    }));
  }

  function renderHealth(health) {
    const list = $('health');
    if (!health) {
      list.replaceChildren(el('dt', null, 'Health'), el('dd', null, 'nothing reported yet'));
      return;
    }
    const add = (term, node) => list.append(el('dt', null, term), node);
    list.replaceChildren();
    const credentials = el('dd');
    credentials.append(el('span', 'badge ' + health.credentials, health.credentials));
    add('Credentials', credentials);
    add('Detail', el('dd', null, health.detail));
    add('Last read of the inbox', el('dd', null, clock(health.lastSuccessfulPoll) || 'never'));
    add('Outbox', el('dd', null, health.outboxBacklog + ' waiting'));
  }

  function renderBudget(budgetLeft) {
    const entries = Object.entries(budgetLeft);
    const rows = (entries.length ? entries : [['unknown', '']]).map(([endpoint, left]) => {
      const row = el('tr');
      row.append(el('td', null, endpoint), el('td', null, left));
      return row;
    });
    $('budget').tBodies[0].replaceChildren(...rows);
  }

  function renderLines(list, items, render, empty) {
    list.replaceChildren(...(items.length ? items.map(render) : [el('li', 'empty', empty)]));
    list.scrollTop = list.scrollHeight;
  }

  function actionItem(action) {
    const item = el('li', 'action-' + action.outcome);
    item.append(el('code', null, action.statement));
    if (action.outcome !== 'done') item.append(el('p', null, action.message));
    return item;
  }

  function render(state) {
    const others = state.accounts.map((a) => a.screenName);
    setOptions($('dm-from'), others, others.map((n) => '@' + n));
    setOptions($('dispatch-case'), state.cases.map((c) => c.id),
      state.cases.map((c) => '#' + c.id + ' ' + c.title));
    setOptions($('dispatch-queue'), state.queues);
    renderConversations(state);
    renderBoard(state.cases);
    renderHealth(state.health);
    renderBudget(state.health ? state.health.budgetLeft : {});
    renderLines($('audit'), state.audit, (line) => el('li', null, line), 'No audit lines yet.');
    renderLines($('actions'), state.actions, actionItem, 'Nothing yet.');
  }

  async function refresh() {
    try {
      const response = await api('state');
      if (!response.ok) throw new Error(response.status + ' ' + await response.text());
      const text = await response.text();
      if (text !== lastState) {
        lastState = text;
        render(JSON.parse(text));
      }
      if (document.body.classList.contains('offline')) $('status').textContent = 'Live';
      document.body.classList.remove('offline');
    } catch (e) {
      document.body.classList.add('offline');
      $('status').textContent = 'Not connected: ' + e.message;
    }
  }

  async function run(statement, field) {
    $('status').textContent = 'Running: ' + statement;
    try {
      const response = await api('statements', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ statement: statement }),
      });
      const action = await response.json();
      $('status').textContent = action.outcome === 'done' ? 'Done: ' + statement
        : 'Failed: ' + statement + ': ' + action.message;
      if (action.outcome === 'done' && field) field.value = '';
    } catch (e) {
      $('status').textContent = 'Could not run ' + statement + ': ' + e.message;
    }
    await refresh();
  }

  function onSubmit(id, statement, field) {
    $(id).addEventListener('submit', (event) => {
      event.preventDefault();
      run(statement(), field);
    });
  }

  onSubmit('dm-form', () => 'dm @' + $('dm-from').value + ' ' + quote($('dm-text').value),
    $('dm-text'));
  onSubmit('dispatch-form', () => 'dispatch ' + $('dispatch-case').value + ' to '
    + $('dispatch-queue').value);
  onSubmit('fault-form', () => 'fault ' + $('fault-text').value, $('fault-text'));
  onSubmit('statement-form', () => $('statement-text').value, $('statement-text'));
  $('dm-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('dm-form').requestSubmit();
    }
  });

  if (!token) {
    $('status').textContent = 'Open this page with the URL that serve printed: it carries'
      + ' the run\'s token after #token=.';
  } else {
    $('status').textContent = 'Live';
    refresh();
    setInterval(refresh, POLL_MILLIS);
  }
}());
