// The field app's page: forms that save to the phone first (field-queue.js sends them when it can),
// the officer's lists kept for offline use, photos shrunk on the phone before they are kept or sent.
(function () {
  'use strict';

  var Q = window.DvkQueue;
  var USER_KEY = 'dvk.field.user';
  var PHOTO_SIDE = 1600;
  var PHOTO_QUALITY = 0.8;
  var RETRY_MS = 15000;
  var app = {user: null, db: null, bundle: null, loginNeeded: false, photos: {}, sending: null};
  var msgs = {};

  function $(id) {
    return document.getElementById(id);
  }

  function t(key, arg) {
    var text = msgs[key] || key;
    return arg === undefined ? text : text.replace('{0}', arg);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  function flash(text) {
    var box = $('f-flash');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(flash.timer);
    flash.timer = setTimeout(function () { box.hidden = true; }, 5000);
  }

  function thisYear() {
    return app.bundle ? app.bundle.year : new Date().getFullYear();
  }

  function today() {
    var d = new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  // ---- who is logged in, and their lists ----

  function identify() {
    return Q.session().then(function (s) { return s; }, function () { return null; }).then(function (s) {
      if (s && s.username) {
        app.user = s.username;
        app.loginNeeded = false;
        localStorage.setItem(USER_KEY, s.username);
        $('f-user').textContent = s.displayName || s.username;
        $('f-logout-csrf').name = s.csrfParameter || '_csrf';
        $('f-logout-csrf').value = s.csrfToken || '';
      } else {
        app.loginNeeded = !!(s && s.loggedOut);
        app.user = localStorage.getItem(USER_KEY);
        $('f-user').textContent = app.user || '';
      }
      $('f-logout').dataset.user = app.user || '';
      $('f-login').hidden = !app.loginNeeded;
      $('f-nouser').hidden = !!app.user;
      if (!app.user) {
        return null;
      }
      return Q.open(app.user).then(function (db) { app.db = db; });
    });
  }

  function loadBundle() {
    if (!app.db) {
      return Promise.resolve();
    }
    var fromNetwork = app.loginNeeded ? Promise.resolve(null)
      : fetch('/api/v1/field/bundle', {headers: {'Accept': 'application/json'}, cache: 'no-store', credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : null; }, function () { return null; });
    return fromNetwork.then(function (bundle) {
      if (bundle && bundle.username === app.user) {
        return Q.putData(app.db, 'bundle', bundle).then(function () { return bundle; });
      }
      return Q.getData(app.db, 'bundle');
    }).then(function (bundle) {
      app.bundle = bundle || {year: new Date().getFullYear(), units: [], sectors: [], initiatives: []};
      fillLists();
    });
  }

  function option(value, label) {
    var node = el('option', {value: value == null ? '' : String(value)}, label);
    return node;
  }

  function fillSelect(select, entries, withNone) {
    var chosen = select.value;
    select.textContent = '';
    if (withNone) {
      select.appendChild(option('', t('none')));
    }
    entries.forEach(function (entry) { select.appendChild(option(entry[0], entry[1])); });
    if (chosen) {
      select.value = chosen;
    }
  }

  function units(level, parentId) {
    return app.bundle.units.filter(function (u) {
      return u.level === level && (parentId == null || u.parentId === parentId);
    });
  }

  function fillVillages(communeSelect) {
    var villages = $(communeSelect.dataset.villages);
    var communeId = Number(communeSelect.value);
    fillSelect(villages, units('VILLAGE', communeId).map(function (u) { return [u.id, u.name]; }), true);
  }

  function fillLists() {
    var b = app.bundle;
    document.querySelectorAll('.js-sectors').forEach(function (select) {
      fillSelect(select, b.sectors.map(function (s) { return [s.code, s.label]; }), false);
    });
    var communes = units('COMMUNE');
    document.querySelectorAll('.js-communes').forEach(function (select) {
      fillSelect(select, communes.map(function (u) { return [u.id, u.name]; }), select.id !== 'new-commune');
      fillVillages(select);
    });
    document.querySelectorAll('.js-initiatives').forEach(function (select) {
      fillSelect(select, b.initiatives.map(function (i) { return [i.id, i.name + ' (' + i.unitName + ')']; }), true);
    });
    fillRenewals();
    $('go-inspection').hidden = b.mayInspect === false;
    $('new-start').value = $('new-start').value || thisYear();
    $('indicator-year').value = $('indicator-year').value || thisYear();
    $('inspection-date').value = $('inspection-date').value || today();
  }

  function fillRenewals() {
    var list = $('renew-list');
    list.textContent = '';
    var due = app.bundle.initiatives.filter(function (i) { return i.registeredLastYear && !i.registeredThisYear; });
    due.forEach(function (i) {
      var label = el('label');
      var box = el('input', {type: 'checkbox', name: 'renew', value: String(i.id)});
      label.appendChild(box);
      label.appendChild(el('span', {}, i.name + ' — ' + i.unitName));
      list.appendChild(label);
    });
    $('renew-none').hidden = due.length > 0;
  }

  function initiative(id) {
    return app.bundle.initiatives.filter(function (i) { return i.id === Number(id); })[0];
  }

  // ---- views ----

  function route() {
    var view = (location.hash || '#home').slice(1) || 'home';
    if (!$('v-' + view)) {
      view = 'home';
    }
    document.querySelectorAll('[data-view]').forEach(function (section) {
      section.hidden = section.dataset.view !== view;
    });
    window.scrollTo(0, 0);
    if (view === 'home') {
      renderQueue();
    }
  }

  function showNetwork() {
    var net = $('f-net');
    net.dataset.state = navigator.onLine ? 'online' : 'offline';
    net.textContent = navigator.onLine ? t('online') : t('offline');
  }

  // ---- photos ----

  function loadImage(file) {
    return new Promise(function (resolve, reject) {
      var img = new Image();
      var url = URL.createObjectURL(file);
      img.onload = function () { URL.revokeObjectURL(url); resolve(img); };
      img.onerror = function (e) { URL.revokeObjectURL(url); reject(e); };
      img.src = url;
    });
  }

  /** The photo shrunk to 1600 px on its longest side, as JPEG: what a slow mobile link can carry. */
  function resize(file) {
    var decode = window.createImageBitmap
      ? createImageBitmap(file, {imageOrientation: 'from-image'}).catch(function () { return loadImage(file); })
      : loadImage(file);
    return decode.then(function (image) {
      var w = image.width;
      var h = image.height;
      var scale = Math.min(1, PHOTO_SIDE / Math.max(w, h));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY); });
    });
  }

  function wirePhotos(input) {
    app.photos[input.id] = [];
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      input.value = '';
      files.reduce(function (chain, file) {
        return chain.then(function () {
          return resize(file).then(function (blob) {
            app.photos[input.id].push(blob);
            var img = el('img', {alt: ''});
            img.src = URL.createObjectURL(blob);
            $(input.dataset.preview).appendChild(img);
          });
        });
      }, Promise.resolve());
    });
  }

  function takePhotos(inputId) {
    var photos = app.photos[inputId] || [];
    app.photos[inputId] = [];
    var input = $(inputId);
    $(input.dataset.preview).textContent = '';
    return photos;
  }

  function photoSteps(photos, initiativeUrlId, caption) {
    return photos.map(function (blob, n) {
      return {method: 'POST', url: '/api/v1/initiatives/' + initiativeUrlId + '/attachments', photo: blob,
        filename: 'anh-' + (n + 1) + '.jpg', caption: caption || ''};
    });
  }

  // ---- saving ----

  function value(form, name) {
    var field = form.elements[name];
    return field && field.value != null ? field.value.trim() : '';
  }

  function refuse(form, missing) {
    var box = form.querySelector('[data-error]');
    box.hidden = !missing;
    box.textContent = missing ? t('required') : '';
    return missing;
  }

  function saved(form) {
    form.querySelector('[data-error]').hidden = true;
    flash(t('saved'));
    location.hash = '';
    afterSave();
  }

  function afterSave() {
    renderQueue();
    if (navigator.serviceWorker && navigator.serviceWorker.ready) {
      navigator.serviceWorker.ready.then(function (registration) {
        if (registration.sync) {
          return registration.sync.register(Q.SYNC_TAG);
        }
        return null;
      }).catch(function () { return null; });
    }
    sendNow();
  }

  function saveNew(form) {
    var name = value(form, 'name');
    var unitId = Number(value(form, 'village') || value(form, 'commune')) || null;
    if (refuse(form, !name || !value(form, 'sector') || !unitId)) {
      return Promise.resolve();
    }
    var draft = {name: name, kind: value(form, 'kind'), holder: value(form, 'holder'), sector: value(form, 'sector'),
      unitId: unitId, organisationId: app.bundle.organisationId || null, startYear: Number(value(form, 'startYear')) || null,
      description: value(form, 'description') || null};
    var steps = [{method: 'POST', url: '/api/v1/initiatives', json: draft, capture: 'id'}];
    if (form.elements.register.checked) {
      steps.push({method: 'POST', url: '/api/v1/initiatives/{id}/registrations', json: {year: thisYear(), status: 'NEW'}});
    }
    steps = steps.concat(photoSteps(takePhotos('new-photos'), '{id}', name));
    return Q.add(app.db, 'create', t('label.new', name), steps).then(function () {
      form.reset();
      form.elements.register.checked = true;
      $('new-start').value = thisYear();
      saved(form);
    });
  }

  function saveRenewals(form) {
    var chosen = Array.prototype.filter.call(form.querySelectorAll('input[name=renew]'), function (box) { return box.checked; });
    if (refuse(form, chosen.length === 0)) {
      return Promise.resolve();
    }
    return chosen.reduce(function (chain, box) {
      var i = initiative(box.value);
      return chain.then(function () {
        i.registeredThisYear = true;
        return Q.add(app.db, 'renew', t('label.renew', i.name), [{method: 'POST',
          url: '/api/v1/initiatives/' + i.id + '/registrations', json: {year: thisYear(), status: 'MAINTAINED'}}]);
      });
    }, Promise.resolve()).then(function () {
      return Q.putData(app.db, 'bundle', app.bundle);
    }).then(function () {
      fillRenewals();
      saved(form);
    });
  }

  function saveIndicator(form) {
    var id = value(form, 'initiative');
    var amount = value(form, 'value').replace(/\s/g, '').replace(',', '.');
    if (refuse(form, !id || !value(form, 'name') || !value(form, 'year') || !amount || isNaN(Number(amount)))) {
      return Promise.resolve();
    }
    var i = initiative(id);
    var body = {name: value(form, 'name'), unit: value(form, 'unit') || null, year: Number(value(form, 'year')), value: amount};
    return Q.add(app.db, 'indicator', t('label.indicator', body.name + ' = ' + amount + ' — ' + i.name),
      [{method: 'PUT', url: '/api/v1/initiatives/' + id + '/indicators', json: body}]).then(function () {
      form.elements.name.value = '';
      form.elements.value.value = '';
      saved(form);
    });
  }

  function saveInspection(form) {
    var initiativeId = Number(value(form, 'initiative')) || null;
    var unitId = Number(value(form, 'village') || value(form, 'commune')) || null;
    if (refuse(form, (!initiativeId && !unitId) || !value(form, 'date') || !value(form, 'inspectors') || !value(form, 'findings'))) {
      return Promise.resolve();
    }
    var body = {initiativeId: initiativeId, unitId: initiativeId ? null : unitId, kind: value(form, 'kind'), date: value(form, 'date'),
      inspectors: value(form, 'inspectors'), findings: value(form, 'findings'), followUps: []};
    var steps = [{method: 'POST', url: '/api/v1/inspections', json: body}];
    var photos = takePhotos('inspection-photos');
    if (initiativeId) {
      steps = steps.concat(photoSteps(photos, initiativeId, t('photoCaption', body.date)));
    }
    var what = initiativeId ? initiative(initiativeId).name : form.elements.village.selectedOptions[0].text;
    return Q.add(app.db, 'inspection', t('label.inspection', body.date + ' — ' + what), steps).then(function () {
      form.elements.findings.value = '';
      saved(form);
    });
  }

  var EDITED = ['name', 'description', 'method', 'results'];

  /** The whole initiative as PUT takes it, from the copy kept on the phone, with what was typed. */
  function draftOf(record, form) {
    var draft = {code: record.code, name: record.name, kind: record.kind, holder: record.holder, sector: record.sector,
      unitCode: record.unitCode, unitId: record.unitId, organisationId: record.organisationId,
      responsibleOfficer: record.responsibleOfficer, startYear: record.startYear, description: record.description,
      method: record.method, results: record.results, targetGroups: record.targetGroups, featured: record.featured,
      version: record.version};
    EDITED.forEach(function (name) { draft[name] = value(form, name) || null; });
    return draft;
  }

  // the record chosen last: an answer for one chosen before it arrives late and is dropped
  var editing = 0;

  function loadForEdit(id) {
    var mine = ++editing;
    var fields = $('edit-fields');
    fields.disabled = true;
    $('edit-unavailable').hidden = true;
    if (!id) {
      return Promise.resolve();
    }
    var fromNetwork = fetch('/api/v1/initiatives/' + id, {headers: {'Accept': 'application/json'}, cache: 'no-store'})
      .then(function (r) { return r.ok ? r.json() : null; }, function () { return null; });
    return fromNetwork.then(function (record) {
      return record ? Q.putData(app.db, 'initiative:' + id, record).then(function () { return record; })
        : Q.getData(app.db, 'initiative:' + id);
    }).then(function (record) {
      if (mine !== editing) {
        return;
      }
      if (!record) {
        $('edit-unavailable').hidden = false;
        return;
      }
      EDITED.forEach(function (name) { $('edit-' + name).value = record[name] || ''; });
      fields.disabled = false;
    });
  }

  function saveEdit(form) {
    var id = value(form, 'initiative');
    if (refuse(form, !id || $('edit-fields').disabled || !value(form, 'name'))) {
      return Promise.resolve();
    }
    return Q.getData(app.db, 'initiative:' + id).then(function (record) {
      var draft = draftOf(record, form);
      return Q.add(app.db, 'update', t('label.edit', draft.name),
        [{method: 'PUT', url: '/api/v1/initiatives/' + id, json: draft}]);
    }).then(function () {
      saved(form);
    });
  }

  // ---- the queue ----

  function compare(item) {
    var mine = item.steps[item.done].json || {};
    var server = item.current || {};
    var table = el('table', {'class': 'f-compare'});
    var head = el('tr');
    head.appendChild(el('th', {}, ''));
    head.appendChild(el('th', {}, t('mine')));
    head.appendChild(el('th', {}, t('server')));
    table.appendChild(head);
    EDITED.concat(['workflowState', 'version']).forEach(function (name) {
      var row = el('tr', {'data-field': name});
      var a = mine[name] == null ? '' : String(mine[name]);
      var b = server[name] == null ? '' : String(server[name]);
      if (a !== b) {
        row.className = 'f-differs';
      }
      row.appendChild(el('th', {}, t('field.' + name)));
      row.appendChild(el('td', {'class': 'f-mine'}, a));
      row.appendChild(el('td', {'class': 'f-server'}, b));
      table.appendChild(row);
    });
    return table;
  }

  function button(text, cls, handler) {
    var b = el('button', {type: 'button', 'class': 'f-btn ' + (cls || '')}, text);
    b.addEventListener('click', handler);
    return b;
  }

  function reviewPart(item) {
    var box = el('div', {'class': 'f-review'});
    var actions = el('div', {'class': 'f-form-actions'});
    if (item.current && item.kind === 'update') {
      box.appendChild(el('p', {}, t('conflict')));
      box.appendChild(compare(item));
      actions.appendChild(button(t('keepMine'), 'js-keep-mine', function () {
        var json = Object.assign({}, item.steps[item.done].json, {version: item.current.version});
        Q.resend(app.db, item, json).then(afterSave);
      }));
      actions.appendChild(button(t('takeServer'), 'f-btn-light js-take-server', function () {
        var record = item.current;
        Q.putData(app.db, 'initiative:' + record.id, record).then(function () {
          return Q.remove(app.db, item.id);
        }).then(renderQueue);
      }));
    } else {
      var p = item.problem || {};
      box.appendChild(el('p', {'class': 'f-error'}, [p.status, p.detail || p.title].filter(Boolean).join(' — ')));
      (p.errors || []).forEach(function (e) {
        box.appendChild(el('p', {'class': 'f-muted'}, (e.field ? e.field + ': ' : '') + (e.message || '')));
      });
      actions.appendChild(button(t('retry'), 'js-retry', function () {
        Q.resend(app.db, item, null).then(afterSave);
      }));
      actions.appendChild(button(t('discard'), 'f-btn-light js-discard', function () {
        if (window.confirm(t('discardConfirm'))) {
          Q.remove(app.db, item.id).then(renderQueue);
        }
      }));
    }
    box.appendChild(actions);
    return box;
  }

  function renderQueue() {
    if (!app.db) {
      return Promise.resolve();
    }
    return Q.items(app.db).then(function (all) {
      var list = $('f-queue');
      list.textContent = '';
      $('f-empty').hidden = all.length > 0;
      all.slice().reverse().forEach(function (item) {
        var li = el('li', {'class': 'f-item', 'data-id': String(item.id), 'data-state': item.state, 'data-kind': item.kind});
        var head = el('div', {'class': 'f-item-head'});
        head.appendChild(el('strong', {'class': 'f-label'}, item.label));
        head.appendChild(el('span', {'class': 'f-state f-state-' + item.state}, t('state.' + item.state)));
        li.appendChild(head);
        var photos = item.steps.filter(function (s) { return s.photo || s.size; }).length;
        // the page's language and Vietnam's time, whatever the phone is set to
        var when = new Date(item.createdAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN',
          {timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'});
        li.appendChild(el('small', {}, when + (photos ? ' · ' + t('photos', photos) : '')));
        if (item.state === 'review') {
          li.appendChild(reviewPart(item));
        }
        list.appendChild(li);
      });
    });
  }

  /** Sends what waits, unless a send is already running or the session has to be renewed first. */
  function sendNow() {
    if (!app.user || app.sending) {
      return app.sending || Promise.resolve();
    }
    app.sending = Q.flush(app.user).then(function (outcome) {
      if (outcome.login !== app.loginNeeded) {
        app.loginNeeded = outcome.login;
        $('f-login').hidden = !outcome.login;
      }
      return renderQueue();
    }, function () {
      return null;
    }).then(function () {
      app.sending = null;
    });
    return app.sending;
  }

  function hasWaiting() {
    return app.db ? Q.items(app.db).then(function (all) {
      return all.some(function (item) { return item.state === 'pending'; });
    }) : Promise.resolve(false);
  }

  // ---- start ----

  function registerWorker() {
    if (!('serviceWorker' in navigator)) {
      return;
    }
    navigator.serviceWorker.register('/sw.js').catch(function () { return null; });
    navigator.serviceWorker.addEventListener('message', function (event) {
      if (event.data && event.data.type === 'queue-changed') {
        renderQueue();
      }
    });
  }

  function wireInstall() {
    var prompt = null;
    window.addEventListener('beforeinstallprompt', function (event) {
      event.preventDefault();
      prompt = event;
      $('f-install').hidden = false;
    });
    $('f-install').addEventListener('click', function () {
      if (!prompt) {
        return;
      }
      prompt.prompt();
      prompt.userChoice.then(function () {
        prompt = null;
        $('f-install').hidden = true;
      });
    });
    window.addEventListener('appinstalled', function () { $('f-install').hidden = true; });
  }

  function wireForms() {
    var savers = {'form-new': saveNew, 'form-renew': saveRenewals, 'form-indicator': saveIndicator,
      'form-inspection': saveInspection, 'form-edit': saveEdit};
    Object.keys(savers).forEach(function (id) {
      var form = $(id);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (!app.db) {
          refuse(form, true);
          return;
        }
        var submit = form.querySelector('[type=submit]');
        submit.disabled = true;
        savers[id](form).then(function () { submit.disabled = false; }, function (e) {
          submit.disabled = false;
          var box = form.querySelector('[data-error]');
          box.hidden = false;
          box.textContent = String(e && e.message || e);
        });
      });
    });
    document.querySelectorAll('.js-communes').forEach(function (select) {
      select.addEventListener('change', function () { fillVillages(select); });
    });
    document.querySelectorAll('input[type=file]').forEach(wirePhotos);
    $('edit-initiative').addEventListener('change', function () { loadForEdit($('edit-initiative').value); });
    $('f-send').addEventListener('click', function () { sendNow(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('#f-msgs [data-key]').forEach(function (node) { msgs[node.dataset.key] = node.textContent; });
    showNetwork();
    registerWorker();
    wireInstall();
    wireForms();
    window.addEventListener('hashchange', route);
    window.addEventListener('online', function () { showNetwork(); sendNow(); });
    window.addEventListener('offline', showNetwork);
    identify().then(loadBundle).then(function () {
      route();
      return sendNow();
    }).then(function () {
      document.body.dataset.ready = 'true';
    });
    // where neither Background Sync nor the online event comes (a signal that flickers), try again now and then
    setInterval(function () {
      hasWaiting().then(function (waiting) {
        if (waiting && navigator.onLine) {
          sendNow();
        }
      });
    }, RETRY_MS);
  });
})();
