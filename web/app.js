// The coach's web chat. deep-chat draws the conversation; this file connects it
// to the Rasa server over socket.io and adds what is the coach's own: quick
// replies, the session bar, voice mode. Every file comes from the Rasa server.

const SESSION_KEY = "coach.sessionId";
const VOICE_KEY = "coach.voice";
const STATE_KEY = "coach.sessionState";
const OFFLINE = "Can't reach the coach right now, retrying…";
const TYPING_TIMEOUT_MS = 30000; // in case a turn never says it has ended

const $ = (id) => document.getElementById(id);
const chat = $("chat");

// -- who we are: one conversation per browser, kept across reloads ---------------
// The server issues the conversation's id (signed, so no one else can claim it) in
// session_confirm; the page keeps it and shows it again after a reload.

let session = localStorage.getItem(SESSION_KEY);
const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let voice = localStorage.getItem(VOICE_KEY) === "on";

// -- the connection ----------------------------------------------------------------

// Long-polling only: Rasa 3.6's server cannot upgrade to websockets on Python 3.11.
const socket = io({ transports: ["polling"] });
let signals = null; // deep-chat's side of the connection, once it has rendered
const early = []; // replies that arrived before deep-chat was ready

function setOnline(online) {
  const banner = $("connection");
  banner.hidden = online;
  if (!online) banner.textContent = OFFLINE;
  document.body.classList.toggle("offline", !online);
  if (signals) online ? signals.onOpen() : signals.onClose();
  setTyping(false); // and the header says online or offline
}

socket.on("connect", () => {
  socket.emit("session_request", { session_id: session });
  setOnline(true);
});
socket.on("session_confirm", (id) => {
  if (typeof id !== "string" || id === session) return;
  session = id;
  localStorage.setItem(SESSION_KEY, id);
});
socket.on("connect_error", () => setOnline(false));
socket.on("disconnect", (reason) => {
  setOnline(false);
  if (reason === "io server disconnect") socket.connect(); // the client retries all else
});
socket.on("bot_uttered", (message) => show(message || {}));

function send(text) {
  const metadata = { timezone };
  if (voice) metadata.audio = true;
  socket.emit("user_uttered", { message: text, session_id: session, metadata });
  setTyping(true);
  // Earlier offers no longer apply once the conversation has moved on.
  chat.shadowRoot?.querySelectorAll(".quick-reply").forEach((b) => (b.disabled = true));
}

// -- what the coach says -------------------------------------------------------------

function reply(response) {
  if (signals) signals.onResponse({ role: "ai", ...response });
  else early.push(response);
}

function escapeHTML(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML.replace(/"/g, "&quot;");
}

function quickReplies(buttons) {
  const html = buttons.map((b) => {
    const payload = escapeHTML(b.payload);
    return `<button class="quick-reply" data-payload="${payload}">${escapeHTML(b.title)}</button>`;
  });
  return `<div class="quick-replies">${html.join("")}</div>`;
}

function show(message) {
  const custom = message.custom;
  if (custom) {
    if (custom.session_state) {
      localStorage.setItem(STATE_KEY, JSON.stringify(custom.session_state));
      showSession(custom.session_state);
      setTyping(false); // the coach sends it last in every turn
      // The bar may have changed the list's height: keep the coach's last words in view.
      requestAnimationFrame(() => chat.scrollToBottom());
    }
    if (custom.audio) {
      reply({ files: [{ src: custom.audio, type: "audio" }] });
      if (voice) play(custom.audio);
    }
    return; // anything else (SSML for speakers) is not for a screen
  }
  if (message.text) reply({ text: message.text });
  if (message.quick_replies && message.quick_replies.length) {
    reply({ html: quickReplies(message.quick_replies) });
  }
  const attachment = message.attachment;
  if (attachment && attachment.type === "image") {
    reply({ files: [{ src: attachment.payload.src, type: "image" }] });
  } else if (attachment && attachment.type === "file") {
    reply({ files: [{ src: attachment.url, name: attachment.name, type: "any" }] });
  }
}

// A button shows its title as the user's message and sends its payload.
function chooseQuickReply(event) {
  const button = event.target.closest(".quick-reply");
  if (!button || button.disabled) return;
  button.classList.add("chosen"); // send() disables the rest
  chat.addMessage({ role: "user", text: button.textContent });
  send(button.dataset.payload);
}

let typingTimer = null;
function setTyping(on) {
  $("status").textContent = on ? "typing…" : socket.connected ? "online" : "offline";
  document.body.classList.toggle("typing", on);
  clearTimeout(typingTimer);
  if (on) typingTimer = setTimeout(() => setTyping(false), TYPING_TIMEOUT_MS);
}

// -- the session bar -------------------------------------------------------------------

let restTimer = null;

function showSession(state) {
  $("session").hidden = !state.active;
  clearInterval(restTimer);
  if (!state.active) return;
  const resting = state.phase === "rest";
  const paused = state.phase === "paused";
  const reps = `${state.reps}/${state.target} reps`;
  const where = `Set ${state.set} of ${state.sets} · ${state.leg} leg · ${reps}`;
  $("session-text").textContent = resting
    ? `Rest · set ${state.set + 1} of ${state.sets} next`
    : (paused ? "Paused · " : "") + where;
  $("session-progress").style.width = resting ? "100%" : `${(100 * state.reps) / state.target}%`;
  $("rep-done").hidden = resting || state.phase === "setup";
  $("ready").hidden = !(resting || state.phase === "setup");
  $("pause").textContent = paused ? "Resume" : "Pause";
  $("pause").dataset.say = paused ? "resume" : "pause";
  const timer = $("rest-timer");
  timer.hidden = !(resting && state.resting_until);
  if (!timer.hidden) {
    const tick = () => {
      const left = Math.max(0, Math.round(state.resting_until - Date.now() / 1000));
      timer.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    };
    tick();
    restTimer = setInterval(tick, 1000);
  }
}

// After a reload, the bar as the coach last left it (it is updated with the next turn).
try {
  showSession(JSON.parse(localStorage.getItem(STATE_KEY)) || { active: false });
} catch {
  localStorage.removeItem(STATE_KEY);
}

// The bar's buttons say what a user could type; the message list shows it as typed.
$("session").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-say]");
  if (!button) return;
  chat.addMessage({ role: "user", text: button.dataset.say });
  send(button.dataset.say);
});

// -- voice mode: the coach's replies read aloud, in order --------------------------------

const player = new Audio();
const queue = [];
// What was played (started, and played to the end), for the browser test and debugging.
window.coachAudio = { played: [], ended: [] };

function play(url) {
  queue.push(url);
  if (player.paused && queue.length === 1) next();
}

function next() {
  const url = queue[0];
  if (!url) return;
  player.src = url;
  player.play().catch(done); // refused (autoplay) or broken: go on to the next one
}

function done() {
  queue.shift();
  next();
}

player.addEventListener("playing", () => window.coachAudio.played.push(player.src));
player.addEventListener("ended", () => {
  window.coachAudio.ended.push(player.src);
  done();
});
player.addEventListener("error", done);

function setVoice(on) {
  voice = on;
  localStorage.setItem(VOICE_KEY, on ? "on" : "off");
  const button = $("voice");
  button.setAttribute("aria-pressed", String(on));
  button.textContent = on ? "Voice on" : "Voice off";
  if (!on) {
    queue.length = 0;
    player.pause();
  }
}

$("voice").addEventListener("click", () => setVoice(!voice));
setVoice(voice);

// -- deep-chat -------------------------------------------------------------------------------

const ink = "#1d2a33";
const accent = "#1f6f5c";
const bare = { backgroundColor: "transparent", padding: "0", boxShadow: "none" };

Object.assign(chat, {
  browserStorage: { key: "coach.messages", maxMessages: 200 },
  introMessage: {
    text: 'Hi! Ask me anything about prone leg lifts, or say "start my session".',
  },
  textInput: { placeholder: { text: "Ask, or type done / 12 / pause…" } },
  chatStyle: {
    width: "100%",
    height: "100%",
    backgroundColor: "#f4f6f5",
    fontSize: "15px",
  },
  messageStyles: {
    default: {
      shared: {
        bubble: { maxWidth: "82%", padding: "8px 12px", borderRadius: "16px", lineHeight: "1.35" },
      },
      ai: {
        bubble: { backgroundColor: "#ffffff", color: ink, boxShadow: "0 1px 1px rgba(0,0,0,.08)" },
      },
      user: { bubble: { backgroundColor: accent, color: "#ffffff" } },
    },
    // Buttons and the audio player sit on the page, not in a bubble.
    html: { shared: { bubble: bare } },
    audio: { shared: { bubble: bare } },
    image: { shared: { bubble: { padding: "4px", backgroundColor: "#ffffff" } } },
  },
  htmlClassUtilities: { "quick-reply": { events: { click: chooseQuickReply } } },
  // Inside deep-chat's shadow DOM, where app.css cannot reach.
  auxiliaryStyle: `
    .quick-replies { display: flex; flex-wrap: wrap; gap: 6px; }
    .quick-reply { font: inherit; font-size: 14px; padding: 6px 14px; border-radius: 16px;
      border: 1px solid ${accent}; background: #ffffff; color: ${accent}; cursor: pointer; }
    .quick-reply:disabled { opacity: .45; cursor: default; }
    .quick-reply.chosen { background: ${accent}; color: #ffffff; opacity: 1; }
    audio { max-width: 100%; }`,
  connect: {
    websocket: true,
    handler: (_, deepChatSignals) => {
      signals = deepChatSignals;
      signals.newUserMessage.listener = (body) => {
        const text = (body.messages || []).map((m) => m.text || "").join("\n").trim();
        if (text) send(text);
      };
      if (socket.connected) signals.onOpen();
      early.splice(0).forEach(reply);
    },
  },
});
