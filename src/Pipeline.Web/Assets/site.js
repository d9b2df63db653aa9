// Enhancements only: every page works without this script.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A filter form whose select changes submits itself (the button stays for keyboard and no-script users).
  for (const select of document.querySelectorAll("form[data-autosubmit] select")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // Copy buttons copy the text of the element they name.
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      if (!source) return;
      try {
        await navigator.clipboard.writeText(source.textContent);
        button.dataset.done = "1";
      } catch {
        button.dataset.done = "0";
      }
    });
  }
});
