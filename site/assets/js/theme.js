// SPDX-License-Identifier: MIT
// Applies the saved theme before first paint (blocking, in <head>).
(function (h) {
  h.classList.add('js');
  try {
    var t = localStorage.getItem('theme');
    if (t === 'light' || t === 'dark') h.setAttribute('data-theme', t);
  } catch (e) {}
})(document.documentElement);
