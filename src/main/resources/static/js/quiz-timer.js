// A timed quiz's countdown: the minutes and seconds left, and the answers sent by themselves at the deadline
// (the server grades whatever arrives within a short grace, and nothing after it).
(() => {
  'use strict';
  const timer = document.getElementById('quiz-timer');
  const form = document.getElementById('quiz-form');
  if (!timer || !form) {
    return;
  }
  const deadline = Number(timer.dataset.deadline);
  const tick = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    timer.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0) {
      clearInterval(interval);
      form.requestSubmit();
    }
  };
  const interval = setInterval(tick, 1000);
  tick();
})();
