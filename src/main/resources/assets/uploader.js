// The uploader: many files at once with progress per file and for the batch, cancel and retry,
// links with copy buttons when done; and remote URL imports with live progress.
// It calls the API with the access token /account/api_token mints for this sign-in; files go through
// the resumable protocol (tus, /api/v2/tus/) where the server offers it, else through /file/upload.
// A visitor without an account (a guest) gets an upload grant there instead, which opens the resumable
// protocol only: no folders, no URL imports, and the links come with the completed upload.
"use strict";
(() => {
  const root = document.getElementById("uploader");
  if (!root) return;
  const csrf = root.dataset.csrf;
  const maxBytes = Number(root.dataset.maxBytes);
  const concurrent = Number(root.dataset.concurrent) || 2;
  const guest = root.dataset.guest === "true";
  const folder = document.getElementById("folder");
  const queue = document.getElementById("queue");
  const batch = document.getElementById("batch");
  const batchProgress = document.getElementById("batch_progress");
  const batchStatus = document.getElementById("batch_status");
  let nextId = 0;
  const jobs = [];

  // One token for all uploads at once; a new one only when the API refused the current one (minting
  // a token revokes the session's previous one).
  // A guest's grant comes as upload_token; it serves as the Bearer token of the resumable protocol.
  let credentials = null;
  let pending = null;
  const bearer = (creds) => creds.upload_token || creds.access_token;
  function apiCredentials(staleToken) {
    const stale = credentials && staleToken && bearer(credentials) === staleToken;
    if (pending && !stale) return pending;
    credentials = null;
    pending = fetch("/account/api_token", { method: "POST", headers: { "X-CSRF-Token": csrf } })
      .then(async (answer) => {
        if (answer.ok) return answer.json();
        if (!guest) throw new Error("Your sign-in has ended. Please sign in again.");
        let refusal = null;
        try { refusal = (await answer.json()).error; } catch (ignored) { /* not our answer */ }
        throw new Error(refusal || "Uploading without an account is not possible now. Please reload the page.");
      })
      .then((creds) => { credentials = creds; return creds; });
    pending.catch(() => { pending = null; });
    return pending;
  }

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const sizeText = (bytes) => {
    const units = ["bytes", "KB", "MB", "GB", "TB"];
    let value = bytes; let unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return (unit === 0 ? value : value.toFixed(1)) + " " + units[unit];
  };
  const timeText = (seconds) => {
    if (!isFinite(seconds)) return "";
    const s = Math.max(0, Math.round(seconds));
    return s >= 60 ? Math.floor(s / 60) + " min " + (s % 60) + " s" : s + " s";
  };

  function copyRow(id, label, value) {
    const row = element("div", { class: "row" });
    const input = element("input", { id, type: "text", readonly: "", value });
    row.append(element("label", { for: id }, label), input,
      element("button", { type: "button", class: "button small secondary", "data-copy": id,
        "aria-label": "Copy " + label.toLowerCase() }, "Copy"));
    return row;
  }

  function addFile(file) {
    const id = nextId++;
    const item = element("li");
    const top = element("div", { class: "top" });
    const name = element("span", { class: "name" }, file.name);
    const buttons = element("span", { class: "row" });
    const cancel = element("button", { type: "button", class: "button small secondary",
      "aria-label": "Cancel " + file.name }, "Cancel");
    const retry = element("button", { type: "button", class: "button small hidden",
      "aria-label": "Retry " + file.name }, "Retry");
    buttons.append(retry, cancel);
    top.append(name, buttons);
    const progress = element("progress", { max: "100", value: "0", "aria-label": "Progress of " + file.name });
    const status = element("p", { class: "muted", "aria-live": "polite" }, "Waiting");
    const links = element("div", { class: "links" });
    item.append(top, progress, status, links);
    queue.append(item);
    const job = { id, file, sent: 0, state: "waiting", xhr: null, started: 0, item, progress, status, links,
      cancel, retry };
    cancel.addEventListener("click", () => {
      if (job.xhr) job.xhr.abort();
      if (job.upload) job.upload.abort(true);
      finish(job, "cancelled", "Cancelled");
    });
    retry.addEventListener("click", () => {
      job.state = "waiting"; job.sent = 0; job.status.className = "muted"; job.status.textContent = "Waiting";
      retry.classList.add("hidden"); cancel.classList.remove("hidden");
      pump();
    });
    if (maxBytes > 0 && file.size > maxBytes) {
      finish(job, "failed", "Too large: files may be at most " + sizeText(maxBytes) + ".");
      job.retry.classList.add("hidden");
    }
    jobs.push(job);
  }

  function finish(job, state, text) {
    job.state = state;
    job.xhr = null;
    job.status.textContent = text;
    job.status.className = state === "done" ? "muted" : "error";
    job.cancel.classList.add("hidden");
    if (state !== "done") job.retry.classList.remove("hidden");
    showBatch();
    pump();
  }

  async function start(job, staleToken) {
    job.state = "uploading";
    job.started = performance.now();
    let creds;
    try {
      creds = await apiCredentials(staleToken);
    } catch (problem) {
      finish(job, "failed", problem.message);
      return;
    }
    const form = new FormData();
    form.append("access_token", creds.access_token);
    form.append("account_id", creds.account_id);
    form.append("folder_id", folder ? folder.value : "");
    form.append("upload_file", job.file, job.file.name);
    const xhr = new XMLHttpRequest();
    job.xhr = xhr;
    xhr.open("POST", "/api/v2/file/upload");
    xhr.upload.addEventListener("progress", (event) => progress(job, event.loaded, event.total, 0));
    xhr.addEventListener("load", () => {
      let answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (ignored) { /* not the API's answer */ }
      if (answer && answer._status === "success") {
        job.sent = job.file.size;
        job.progress.value = 100;
        done(job, answer.data[0]);
      } else if (answer && !staleToken && /access_token/.test(answer.response || "")) {
        start(job, creds.access_token);
      } else {
        finish(job, "failed", answer ? answer.response : "The upload failed (HTTP " + xhr.status + ").");
      }
    });
    xhr.addEventListener("error", () => finish(job, "failed", "The connection broke off."));
    xhr.send(form);
  }

  // Speed counts this attempt's bytes only: a resumed upload starts at its offset.
  function progress(job, sent, total, resumedAt) {
    job.sent = sent;
    const seconds = (performance.now() - job.started) / 1000;
    const speed = seconds > 0 ? (sent - resumedAt) / seconds : 0;
    job.progress.value = total ? (sent * 100) / total : 0;
    job.status.textContent = sizeText(sent) + " of " + sizeText(total) + " · "
      + sizeText(speed) + "/s · " + timeText((total - sent) / speed) + " left"
      + (resumedAt > 0 ? " · resumed at " + sizeText(resumedAt) : "");
    showBatch();
  }

  // Resumable uploads (tus): a broken connection is retried from where it stopped, and the same file
  // picked again after a reload resumes too (tus-js-client remembers it in this browser).
  const resumable = root.dataset.resumable === "true" && window.tus && window.tus.isSupported;
  function startResumable(job) {
    job.state = "uploading";
    job.started = performance.now();
    let resumedAt = -1;
    const upload = new window.tus.Upload(job.file, {
      endpoint: "/api/v2/tus/",
      retryDelays: [0, 1000, 3000, 5000, 10000],
      removeFingerprintOnSuccess: true,
      metadata: Object.assign({ filename: job.file.name, filetype: job.file.type || "application/octet-stream" },
        folder ? { folder_id: folder.value } : {}),
      onBeforeRequest: (request) => request.setHeader("Authorization", "Bearer " + job.token),
      onShouldRetry: (error) => {
        const status = error.originalResponse ? error.originalResponse.getStatus() : 0;
        if (status === 401) {
          apiCredentials(job.token).then((creds) => { job.token = bearer(creds); });
          return true;
        }
        return status === 0 || status >= 500 || status === 423 || status === 429;
      },
      onProgress: (sent, total) => {
        if (resumedAt < 0) resumedAt = sent;
        job.resumedAt = resumedAt;
        progress(job, sent, total, resumedAt);
      },
      onError: (error) => finish(job, "failed", "The upload stopped: " + (error.message || error)),
      onSuccess: async (payload) => {
        const response = payload.lastResponse;
        let links;
        if (guest) {
          links = { url: response.getHeader("Filehost-File-Url"),
            delete_url: response.getHeader("Filehost-File-Delete-Url"),
            download_url: response.getHeader("Filehost-File-Download-Url") };
        } else {
          const fileId = { file_id: response.getHeader("Filehost-File-Id") };
          const [info, download] = await Promise.all([api("file/info", fileId), api("file/download", fileId)]);
          links = { url: info.data.url_file, delete_url: info.data.url_file_delete,
            download_url: download.data && download.data.download_url };
        }
        job.sent = job.file.size;
        job.progress.value = 100;
        done(job, { ...links, name: job.file.name });
      },
    });
    job.upload = upload;
    apiCredentials(null).then(async (creds) => {
      job.token = bearer(creds);
      const previous = await upload.findPreviousUploads();
      if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    }, (problem) => finish(job, "failed", problem.message));
  }

  function done(job, file) {
    finish(job, "done", "Uploaded · " + sizeText(job.file.size) + (job.resumedAt > 0 ? " · resumed at "
      + sizeText(job.resumedAt) : ""));
    const prefix = "file" + job.id;
    job.links.append(
      copyRow(prefix + "_page", "Page", file.url),
      ...(file.download_url ? [copyRow(prefix + "_download", "Direct link", file.download_url)] : []),
      copyRow(prefix + "_delete", "Delete link", file.delete_url),
      copyRow(prefix + "_html", "HTML", '<a href="' + file.url + '">' + file.name + "</a>"),
      copyRow(prefix + "_bbcode", "BBCode", "[url=" + file.url + "]" + file.name + "[/url]"));
  }

  function pump() {
    const running = jobs.filter((job) => job.state === "uploading").length;
    jobs.filter((job) => job.state === "waiting").slice(0, Math.max(0, concurrent - running))
      .forEach((job) => {
        if (resumable) startResumable(job);
        else if (guest) finish(job, "failed", "This browser cannot upload without an account. Please sign in.");
        else start(job, null);
      });
  }

  function showBatch() {
    const live = jobs.filter((job) => job.state !== "cancelled");
    const total = live.reduce((sum, job) => sum + job.file.size, 0);
    const sent = live.reduce((sum, job) => sum + (job.state === "done" ? job.file.size : job.sent), 0);
    const finished = live.filter((job) => job.state === "done").length;
    batch.classList.remove("hidden");
    batchProgress.value = total ? (sent * 100) / total : 100;
    batchStatus.textContent = finished + " of " + live.length + " files · " + sizeText(sent) + " of " + sizeText(total);
  }

  function addFiles(files) {
    [...files].forEach(addFile);
    showBatch();
    pump();
  }

  const dropzone = document.getElementById("dropzone");
  const pick = document.getElementById("pick");
  pick.addEventListener("change", () => { addFiles(pick.files); pick.value = ""; });
  dropzone.addEventListener("dragover", (event) => {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    dropzone.classList.add("over");
  });
  dropzone.addEventListener("dragleave", () => dropzone.classList.remove("over"));
  dropzone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropzone.classList.remove("over");
    addFiles(event.dataTransfer.files);
  });

  // Tabs, with the arrow keys as the tab pattern has them.
  const tabs = [...root.querySelectorAll("[role=tab]")];
  const select = (tab) => tabs.forEach((each) => {
    const on = each === tab;
    each.setAttribute("aria-selected", on);
    each.tabIndex = on ? 0 : -1;
    document.getElementById(each.getAttribute("aria-controls")).hidden = !on;
    if (on) each.focus();
  });
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      if (event.key === "ArrowRight") select(tabs[(index + 1) % tabs.length]);
      if (event.key === "ArrowLeft") select(tabs[(index + tabs.length - 1) % tabs.length]);
    });
  });

  // Remote URLs: each is queued on the server, then its status is asked every second until it ends.
  const imports = document.getElementById("imports");
  const urlForm = document.getElementById("url_form");
  if (urlForm) urlForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const area = document.getElementById("urls");
    const urls = area.value.split("\n").map((line) => line.trim()).filter(Boolean);
    area.value = "";
    for (const url of urls) {
      const item = element("li");
      const progress = element("progress", { max: "100", value: "0", "aria-label": "Progress of " + url });
      const status = element("p", { class: "muted", "aria-live": "polite" }, "Queued");
      item.append(element("div", { class: "name" }, url), progress, status);
      imports.append(item);
      try {
        const answer = await api("file/url_upload_add", {
          file_url_base64: btoa(String.fromCharCode(...new TextEncoder().encode(url))), folder_id: folder.value });
        if (answer._status !== "success") throw new Error(answer.response);
        watch(answer.data.scheduled_item_id, progress, status, item);
      } catch (problem) {
        status.className = "error";
        status.textContent = problem.message;
      }
    }
  });

  async function api(endpoint, params) {
    const creds = await apiCredentials(null);
    const body = new URLSearchParams({ access_token: creds.access_token, account_id: creds.account_id, ...params });
    const answer = await fetch("/api/v2/" + endpoint, { method: "POST", body });
    return answer.json();
  }

  function watch(itemId, progress, status, item) {
    const timer = setInterval(async () => {
      const answer = await api("file/url_upload_status", { scheduled_item_id: itemId });
      if (answer._status !== "success") { clearInterval(timer); return; }
      const data = answer.data;
      const total = Number(data.total_size) || 0;
      const got = Number(data.downloaded_size) || 0;
      progress.value = total ? (got * 100) / total : 0;
      status.textContent = data.status + (total ? " · " + sizeText(got) + " of " + sizeText(total) : "")
        + (data.notes ? " · " + data.notes : "");
      if (data.status === "complete" && data.downloaded_file) {
        clearInterval(timer);
        progress.value = 100;
        item.append(copyRow("import" + itemId, "Page", data.downloaded_file.url));
      } else if (data.status === "failed" || data.status === "cancelled") {
        clearInterval(timer);
        status.className = "error";
      }
    }, 1000);
  }
})();
