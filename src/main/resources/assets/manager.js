// The file manager's extras: select all, shift-click ranges, and dragging files onto a folder to move them.
"use strict";
(() => {
  const form = document.getElementById("files");
  if (!form) return;
  const boxes = () => [...form.querySelectorAll("input[name=ids]")];
  const all = document.getElementById("select_all");
  all.addEventListener("change", () => boxes().forEach((box) => { box.checked = all.checked; }));

  let last = null;
  form.addEventListener("click", (event) => {
    const box = event.target.closest("input[name=ids]");
    if (!box) return;
    if (event.shiftKey && last) {
      const list = boxes();
      const [from, to] = [list.indexOf(last), list.indexOf(box)].sort((a, b) => a - b);
      list.slice(from, to + 1).forEach((b) => { b.checked = box.checked; });
    }
    last = box;
  });

  // Each share panel's "Copy link" button is made here: copying needs script, and a page of a
  // hundred rows is smaller without them.
  form.querySelectorAll("tr.file").forEach((row) => {
    const panel = row.querySelector(".panel-body");
    const link = row.querySelector("td.name a");
    if (!panel || !link) return;
    link.id = `link_${row.dataset.fileId}`;
    const copy = document.createElement("button");
    copy.type = "button";
    copy.className = "button small secondary copy";
    copy.textContent = "Copy link";
    copy.dataset.copy = link.id;
    copy.setAttribute("aria-label", `Copy link to ${link.textContent}`);
    panel.prepend(copy);
  });

  // Dragging a selected file takes the whole selection along; an unselected one goes alone.
  form.addEventListener("dragstart", (event) => {
    const row = event.target.closest("tr.file");
    if (!row) return;
    const own = row.querySelector("input[name=ids]");
    const ids = own.checked ? boxes().filter((b) => b.checked).map((b) => b.value) : [own.value];
    event.dataTransfer.setData("application/x-filehost-files", ids.join(","));
    event.dataTransfer.effectAllowed = "move";
  });

  const targetOf = (event) => event.target.closest("[data-folder-id]");
  document.addEventListener("dragover", (event) => {
    const target = targetOf(event);
    if (!target || !event.dataTransfer.types.includes("application/x-filehost-files")) return;
    event.preventDefault();
    target.classList.add("drop-target");
  });
  document.addEventListener("dragleave", (event) => {
    const target = targetOf(event);
    if (target) target.classList.remove("drop-target");
  });
  document.addEventListener("drop", async (event) => {
    const target = targetOf(event);
    const ids = event.dataTransfer.getData("application/x-filehost-files");
    if (!target || !ids) return;
    event.preventDefault();
    const body = new URLSearchParams({ action: "move", target: target.dataset.folderId, back: "/account" });
    ids.split(",").forEach((id) => body.append("ids", id));
    const answer = await fetch("/account/files", {
      method: "POST", body, headers: { "X-CSRF-Token": form.dataset.csrf }, redirect: "manual",
    });
    if (answer.type !== "opaqueredirect" && !answer.ok) {
      window.alert("The files could not be moved. Please reload the page and try again.");
    }
    window.location.reload();
  });
})();
