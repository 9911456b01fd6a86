// htmx requests carry the CSRF token that Spring Security expects on every state-changing request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Rows of a repeatable fieldset (frames, sessions): "add" clones the template row, "remove" drops its row.
document.addEventListener('click', function (event) {
  var add = event.target.closest('[data-add-row]');
  if (add) {
    event.preventDefault();
    var container = document.getElementById(add.dataset.addRow);
    var template = document.getElementById(add.dataset.addRow + '-template');
    // one past the highest index in use, so a removed row never makes two rows share an index
    var index = 0;
    container.querySelectorAll('[data-row]').forEach(function (row) {
      index = Math.max(index, Number(row.dataset.row) + 1);
    });
    var html = template.innerHTML.replace(/__INDEX__/g, String(index));
    container.insertAdjacentHTML('beforeend', html);
    return;
  }
  var remove = event.target.closest('[data-remove-row]');
  if (remove) {
    event.preventDefault();
    remove.closest('[data-row]').remove();
  }
});
