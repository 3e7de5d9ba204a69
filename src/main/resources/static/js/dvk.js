// DVK's only script: no inline scripts anywhere (the Content-Security-Policy forbids them).
document.addEventListener('DOMContentLoaded', function () {
  // Submit filter forms when a select changes, without inline handlers.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.requestSubmit(); });
  });
});
