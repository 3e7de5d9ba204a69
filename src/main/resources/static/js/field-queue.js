// The field app's offline queue, shared by the page and the service worker (importScripts): a database
// of the browser per user, and the sending of what was saved, oldest first, each request with an
// Idempotency-Key made when the item was saved, so a retry after a lost answer never writes twice.
(function (root) {
  'use strict';

  var PREFIX = 'dvk-field-';
  var SYNC_TAG = 'dvk-queue';

  function dbName(user) {
    return PREFIX + encodeURIComponent(user);
  }

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function open(user) {
    var req = root.indexedDB.open(dbName(user), 1);
    req.onupgradeneeded = function () {
      var db = req.result;
      db.createObjectStore('queue', {keyPath: 'id', autoIncrement: true});
      db.createObjectStore('data', {keyPath: 'key'});
    };
    return request(req);
  }

  function store(db, name, mode) {
    return db.transaction(name, mode).objectStore(name);
  }

  function items(db) {
    return request(store(db, 'queue', 'readonly').getAll()).then(function (all) {
      return all.sort(function (a, b) { return a.id - b.id; });
    });
  }

  function get(db, id) {
    return request(store(db, 'queue', 'readonly').get(id));
  }

  function put(db, item) {
    return request(store(db, 'queue', 'readwrite').put(item));
  }

  function remove(db, id) {
    return request(store(db, 'queue', 'readwrite').delete(id));
  }

  function getData(db, key) {
    return request(store(db, 'data', 'readonly').get(key)).then(function (row) { return row ? row.value : null; });
  }

  function putData(db, key, value) {
    return request(store(db, 'data', 'readwrite').put({key: key, value: value}));
  }

  function uuid() {
    if (root.crypto && root.crypto.randomUUID) {
      return root.crypto.randomUUID();
    }
    var bytes = root.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  /** A new item: steps run in order; a step's url may use {id}, the id the first step's answer gave. */
  function add(db, kind, label, steps, extra) {
    var item = Object.assign({kind: kind, label: label, steps: steps, key: uuid(), state: 'pending', done: 0, vars: {},
      createdAt: new Date().toISOString(), attempts: 0}, extra || {});
    return put(db, item).then(function (id) { item.id = id; return item; });
  }

  /** Who is logged in, with a fresh CSRF token (it changes at every login); {loggedOut: true} on 401. */
  function session() {
    return fetch('/api/v1/field/session', {credentials: 'same-origin', cache: 'no-store',
      headers: {'Accept': 'application/json'}}).then(function (response) {
      if (response.status === 401) {
        return {loggedOut: true};
      }
      if (!response.ok) {
        throw new Error('session ' + response.status);
      }
      return response.json();
    });
  }

  // The bytes of a photo upload are the same at every retry (a fixed boundary), so the server
  // recognises a repeated request by its key and body alike.
  function multipart(step, key) {
    var boundary = '----dvk' + key.replace(/[^A-Za-z0-9]/g, '');
    var head = '--' + boundary + '\r\nContent-Disposition: form-data; name="file"; filename="' + step.filename + '"\r\n'
      + 'Content-Type: image/jpeg\r\n\r\n';
    var tail = '\r\n--' + boundary + '\r\nContent-Disposition: form-data; name="caption"\r\n\r\n' + (step.caption || '')
      + '\r\n--' + boundary + '--\r\n';
    return {body: new Blob([head, step.photo, tail]), type: 'multipart/form-data; boundary=' + boundary};
  }

  function url(step, item) {
    return step.url.replace('{id}', item.vars.id);
  }

  function send(step, item, stepKey, auth) {
    var headers = {'Accept': 'application/json', 'Idempotency-Key': stepKey};
    if (auth.csrfHeader) {
      headers[auth.csrfHeader] = auth.csrfToken;
    }
    var body;
    if (step.photo) {
      var part = multipart(step, stepKey);
      body = part.body;
      headers['Content-Type'] = part.type;
    } else if (step.json) {
      body = JSON.stringify(step.json);
      headers['Content-Type'] = 'application/json';
    }
    return fetch(url(step, item), {method: step.method, headers: headers, body: body, credentials: 'same-origin',
      redirect: 'manual', cache: 'no-store'});
  }

  function readJson(response) {
    return response.text().then(function (text) {
      try {
        return text ? JSON.parse(text) : {};
      } catch (e) {
        return {};
      }
    });
  }

  // A 409 that is not about the record: the same key still being served (a retry came too soon), said with
  // Retry-After. Past a few of them the first send is taken as lost on the server: the officer checks.
  var RUNNING_RETRIES = 5;

  function stillRunning(response, problem, item) {
    if (problem.current || !response.headers.get('Retry-After')) {
      return false;
    }
    item.runningRetries = (item.runningRetries || 0) + 1;
    return item.runningRetries <= RUNNING_RETRIES;
  }

  /**
   * Sends one item from where it stopped. Answers 'sent', 'review', 'login' or 'later' (no network,
   * a server error or the same key still running: the queue stops, to keep the order).
   */
  function sendItem(db, item, auth) {
    function next() {
      if (item.done >= item.steps.length) {
        item.state = 'sent';
        item.sentAt = new Date().toISOString();
        item.steps.forEach(function (step) {
          if (step.photo) {
            step.size = step.photo.size;
            step.photo = null; // the server has it now; the phone's storage is small
          }
        });
        return put(db, item).then(function () { return 'sent'; });
      }
      var index = item.done;
      var step = item.steps[index];
      return send(step, item, item.key + '.' + index, auth).then(function (response) {
        return readJson(response).then(function (json) {
          var status = response.status;
          if (response.ok) {
            if (step.capture && json.id != null) {
              item.vars[step.capture] = json.id;
            }
            item.done = index + 1;
            item.replayed = response.headers.get('Idempotency-Replayed') === 'true' || item.replayed || false;
            return put(db, item).then(next);
          }
          if (status === 401 || response.type === 'opaqueredirect') {
            return 'login';
          }
          if (status === 409 && stillRunning(response, json, item)) {
            return put(db, item).then(function () { return 'later'; });
          }
          if (status === 408 || status === 425 || status === 429 || status >= 500) {
            return 'later';
          }
          item.state = 'review';
          item.problem = {status: status, title: json.title || '', detail: json.detail || '', errors: json.errors || []};
          item.current = json.current || null;
          return put(db, item).then(function () { return 'review'; });
        });
      }, function () {
        return 'later';
      });
    }
    item.attempts = (item.attempts || 0) + 1;
    item.lastAttempt = new Date().toISOString();
    return next();
  }

  function withLock(user, work) {
    var locks = root.navigator && root.navigator.locks;
    if (locks && locks.request) {
      return locks.request(PREFIX + user, work);
    }
    return work();
  }

  /**
   * Sends the user's waiting items, oldest first, with the session of the moment: never another user's
   * queue (the phone may be shared), nothing when logged out. Answers {sent, review, login, later}.
   */
  function flush(user) {
    return withLock(user, function () {
      var outcome = {sent: 0, review: 0, login: false, later: false};
      return session().then(function (auth) {
        if (auth.loggedOut) {
          outcome.login = true;
          return outcome;
        }
        if (auth.username !== user) {
          return outcome;
        }
        return open(user).then(function (db) {
          return items(db).then(function (all) {
            var waiting = all.filter(function (item) { return item.state === 'pending'; });
            var chain = Promise.resolve(true);
            waiting.forEach(function (item) {
              chain = chain.then(function (go) {
                if (!go) {
                  return false;
                }
                return sendItem(db, item, auth).then(function (result) {
                  if (result === 'sent') { outcome.sent++; }
                  if (result === 'review') { outcome.review++; }
                  if (result === 'login') { outcome.login = true; }
                  if (result === 'later') { outcome.later = true; }
                  return result === 'sent' || result === 'review';
                });
              });
            });
            return chain.then(function () { db.close(); return outcome; });
          });
        });
      }, function () {
        outcome.later = true;
        return outcome;
      });
    });
  }

  /** Puts a reviewed item back in the queue; a changed body needs a new key (the old one answers 422). */
  function resend(db, item, json) {
    if (json) {
      item.steps[item.done].json = json;
    }
    item.key = uuid();
    item.runningRetries = 0;
    item.state = 'pending';
    item.problem = null;
    item.current = null;
    return put(db, item);
  }

  function unsent(db) {
    return items(db).then(function (all) {
      return all.filter(function (item) { return item.state !== 'sent'; }).length;
    });
  }

  root.DvkQueue = {
    SYNC_TAG: SYNC_TAG, dbName: dbName, open: open, items: items, get: get, put: put, remove: remove, add: add,
    getData: getData, putData: putData, session: session, flush: flush, resend: resend, unsent: unsent, uuid: uuid
  };
})(self);
