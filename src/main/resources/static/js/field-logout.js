// On a shared phone, logging out takes the field app's data of the user with it: their queue and
// lists are deleted from the browser, after a warning when some saved items were never sent.
(function () {
  'use strict';

  var PREFIX = 'dvk-field-';
  var USER_KEY = 'dvk.field.user';

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
      req.onblocked = function () { resolve(null); };
    });
  }

  function exists(name) {
    if (!window.indexedDB) {
      return Promise.resolve(false);
    }
    if (!indexedDB.databases) {
      return Promise.resolve(true);
    }
    return indexedDB.databases().then(function (list) {
      return list.some(function (db) { return db.name === name; });
    });
  }

  function unsent(name) {
    return request(indexedDB.open(name, 1)).then(function (db) {
      if (!db.objectStoreNames.contains('queue')) {
        db.close();
        return 0;
      }
      return request(db.transaction('queue', 'readonly').objectStore('queue').getAll()).then(function (all) {
        db.close();
        return all.filter(function (item) { return item.state !== 'sent'; }).length;
      });
    });
  }

  /** Resolves true when the logout may go on (and the user's data is gone), false when they changed their mind. */
  function forget(user, warning) {
    var name = PREFIX + encodeURIComponent(user);
    return exists(name).then(function (found) {
      if (!found) {
        return true;
      }
      return unsent(name).then(function (count) {
        if (count > 0 && !window.confirm((warning || '{0}').replace('{0}', count))) {
          return false;
        }
        return request(indexedDB.deleteDatabase(name)).then(function () { return true; });
      });
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !/\/logout$/.test(form.getAttribute('action') || '') || form.dataset.forgotten) {
      return;
    }
    var user = form.dataset.user || localStorage.getItem(USER_KEY);
    if (!user) {
      return;
    }
    event.preventDefault();
    forget(user, form.dataset.unsent).then(function (go) {
      if (!go) {
        return;
      }
      if (localStorage.getItem(USER_KEY) === user) {
        localStorage.removeItem(USER_KEY);
      }
      form.dataset.forgotten = 'true';
      form.submit();
    }, function () {
      form.dataset.forgotten = 'true';
      form.submit();
    });
  }, true);
})();
