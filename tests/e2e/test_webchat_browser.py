"""The web chat page in a real browser, on a phone-sized screen, against the real servers.

Debian's chromium (`make browser` installs it), driven by Playwright for Python, which
never downloads a browser of its own here. The page talks to the coach over socket.io
like any visitor's browser; nothing is faked but gTTS's speech (see the voice step).
"""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from coach import protocol as p
from coach import speech
from tests.e2e.coach_server import CHECKLIST, request

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags chromium keeps trying Google's hosts, which
# this machine's closed network refuses; a fresh profile per test keeps them apart.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 667}
PAGE_PATH = "/webhooks/chat/"
SCREENSHOT = ROOT / "results" / "webchat.png"
REPLY_MS = 60_000  # a turn is well under a second, but two cores are shared with others
OFFLINE = "Can't reach the coach right now, retrying…"


def silent_mp3(seconds: float = 1.0) -> bytes:
    """MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono) whose empty side info is silence."""
    frame = b"\xff\xfb\x90\xc4" + bytes(413)  # 144 * 128000 / 44100 = 417 bytes a frame
    return frame * round(seconds * 44100 / 1152)


@pytest.fixture
def browser_context(coach, tmp_path):
    """A phone-sized chromium with a fresh profile; every URL it requests is recorded."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium."
            " `make test` installs it (`make browser`, as root: apt-get install chromium).",
            pytrace=False,
        )
    SCREENSHOT.parent.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "profile",
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
        )
        context.requested = []
        context.on("request", lambda request: context.requested.append(request.url))
        yield context
        context.close()


def open_chat(context, url: str) -> Page:
    page = context.pages[0] if context.pages else context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url + PAGE_PATH)
    return page


def say(page: Page, text: str) -> None:
    box = page.locator("deep-chat #text-input")
    box.fill(text)
    box.press("Enter")


def coach_bubbles(page: Page, text: str):
    return page.locator("deep-chat .ai-message.text-message", has_text=text)


def user_bubbles(page: Page, text: str):
    return page.locator("deep-chat .user-message.text-message", has_text=text)


def coach_said(page: Page, text: str, times: int = 1, timeout: float = REPLY_MS) -> str:
    """Wait until the coach has said `text` at least `times` times; its latest such bubble."""
    latest = coach_bubbles(page, text).nth(times - 1)
    expect(latest).to_be_attached(timeout=timeout)
    return latest.inner_text().strip()


def expect_bar(page: Page, text: str) -> None:
    expect(page.locator("#session-text")).to_have_text(text, timeout=REPLY_MS)


def screenshot(page: Page, path: Path) -> None:
    page.screenshot(path=path)
    print(f"\nscreenshot: {path}")


def watch_status(page: Page) -> None:
    """Record every text the header's status line shows (the typing indicator is brief)."""
    page.evaluate(
        """() => {
            window.statusSeen = [];
            const status = document.getElementById("status");
            new MutationObserver(() => window.statusSeen.push(status.textContent))
                .observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )


def test_a_session_in_the_web_page_on_a_phone(coach, browser_context):
    page = open_chat(browser_context, coach.url)
    expect(page.locator("#status")).to_have_text("online", timeout=REPLY_MS)
    expect(page.locator("#connection")).to_be_hidden()
    # The server issues the conversation's id, signed: the page keeps it.
    page.wait_for_function("localStorage.getItem('coach.sessionId')", timeout=REPLY_MS)
    session_id = page.evaluate("localStorage.getItem('coach.sessionId')")
    assert re.fullmatch(r"web-[0-9a-f]{32}\.[0-9a-f]{32}", session_id), session_id

    # A technique question, answered; the typing indicator shows while the coach works.
    watch_status(page)
    say(page, "how long should I hold each lift?")
    coach_said(page, "not a clinician")
    answer = coach_said(page, "2 to 3 seconds")
    expect(page.locator("#status")).to_have_text("online")
    assert "typing…" in page.evaluate("window.statusSeen")

    # A quick reply from the coach: its title is shown, its payload (/deny) is sent.
    say(page, "delete my data")
    page.locator("deep-chat .quick-reply", has_text="No, keep it").last.click()
    expect(user_bubbles(page, "No, keep it")).to_have_count(1)
    coach_said(page, "kept everything")
    assert user_bubbles(page, "/deny").count() == 0
    expect(
        page.locator("deep-chat .quick-reply", has_text="Yes, delete everything").last
    ).to_be_disabled()

    # A session: the bar shows set, leg and count; reps counted by button and by typing.
    say(page, "start my session")
    for question in CHECKLIST:  # the safety checklist before a first session
        coach_said(page, question)
        say(page, "no")
    coach_said(page, "Say ready")
    expect_bar(page, "Set 1 of 2 · left leg · 0/10 reps")
    page.locator("#ready").click()
    coach_said(page, "Set 1, left leg")
    page.locator("#rep-done").click()
    expect_bar(page, "Set 1 of 2 · left leg · 1/10 reps")
    expect(user_bubbles(page, "done")).to_have_count(1)
    say(page, "done")
    expect_bar(page, "Set 1 of 2 · left leg · 2/10 reps")
    say(page, "3")
    expect_bar(page, "Set 1 of 2 · left leg · 3/10 reps")
    assert page.locator("#session-progress").evaluate("e => e.style.width") == "30%"
    say(page, "did 10")
    expect_bar(page, "Set 1 of 2 · right leg · 0/10 reps")
    say(page, "finished the right leg")
    coach_said(page, "I'll tell you when")

    # The rest: a countdown, then "rest over" pushed by the coach's reminder, unasked.
    expect_bar(page, "Rest · set 2 of 2 next")
    timer = page.locator("#rest-timer")
    expect(timer).to_be_visible()
    minutes, seconds = re.fullmatch(r"(\d):(\d\d)", timer.inner_text()).groups()
    assert 0 < int(minutes) * 60 + int(seconds) <= p.REST_BETWEEN_SETS_SECONDS
    coach_said(page, "Rest over", timeout=(p.REST_BETWEEN_SETS_SECONDS + 60) * 1000)
    coach_said(page, "Set 2, left leg")
    expect_bar(page, "Set 2 of 2 · left leg · 0/10 reps")
    expect(timer).to_be_hidden()
    screenshot(page, SCREENSHOT)

    say(page, "did 10")
    coach_said(page, "Set 2, right leg")
    say(page, "did 10")
    coach_said(page, "That's the session done")
    expect(page.locator("#session")).to_be_hidden()

    # The progress chart arrives as an image, served by the coach, and loads.
    say(page, "how am I doing?")
    coach_said(page, "1 session in total")
    chart = page.locator("deep-chat .image-message img")
    expect(chart).to_have_count(1, timeout=REPLY_MS)
    assert chart.get_attribute("src").startswith(coach.url + "/webhooks/coach/files/")
    page.wait_for_function(
        "() => { const img = document.getElementById('chat').shadowRoot"
        ".querySelector('.image-message img'); return img && img.naturalWidth > 0; }",
        timeout=REPLY_MS,
    )

    # Voice mode. gTTS cannot reach Google from here, so the server's own audio cache
    # gets a (silent) MP3 for the exact words of the answer above, as `make audio`
    # would leave a real one; the rest is real: metadata {audio: true} from the page,
    # the action's cache lookup, the URL over socket.io, the Rasa server serving it,
    # and the page playing it to the end.
    cached = speech.audio_dir() / speech.cache_name(answer)
    made_here = not cached.exists()
    if made_here:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(silent_mp3())
    try:
        page.locator("#voice").click()
        expect(page.locator("#voice")).to_have_attribute("aria-pressed", "true")
        say(page, "how long should I hold each lift?")
        coach_said(page, "2 to 3 seconds", times=2)
        audio = page.locator("deep-chat audio")
        expect(audio).to_have_count(1, timeout=REPLY_MS)
        url = f"{coach.url}{speech.AUDIO_URL_PATH}/{cached.name}"
        assert audio.get_attribute("src") == url
        page.wait_for_function(
            "url => window.coachAudio.ended.includes(url)", arg=url, timeout=REPLY_MS
        )
        assert page.evaluate("window.coachAudio.played") == [url]
        screenshot(page, SCREENSHOT.with_name("webchat-voice.png"))
    finally:
        if made_here:
            cached.unlink(missing_ok=True)  # a silent file must not stand in for real speech

    # A reload continues the same conversation: same id, the history shown, the coach
    # still knows the session that was done.
    page.reload()
    expect(page.locator("#status")).to_have_text("online", timeout=REPLY_MS)
    assert page.evaluate("localStorage.getItem('coach.sessionId')") == session_id
    coach_said(page, "Rest over")
    say(page, "how am I doing?")
    coach_said(page, "1 session in total", times=2)

    assert page.errors == []
    outside = [url for url in browser_context.requested if not url.startswith(coach.url + "/")]
    assert outside == [], f"the page loaded files from elsewhere: {outside}"


def test_the_page_says_so_when_the_coach_cannot_be_reached(coach, browser_context):
    # The page itself loads, but every socket.io request fails, as with the server gone.
    browser_context.route("**/socket.io/**", lambda route: route.abort())
    page = open_chat(browser_context, coach.url)
    banner = page.locator("#connection")
    expect(banner).to_have_text(OFFLINE, timeout=REPLY_MS)
    expect(banner).to_be_visible()
    expect(page.locator("#status")).to_have_text("offline")
    expect(page.locator("h1")).to_have_text("Leg lift coach")  # never a blank page
    expect(page.locator("deep-chat .deep-chat-intro")).to_contain_text("Ask me anything")
    screenshot(page, SCREENSHOT.with_name("webchat-offline.png"))

    # Back again: the page reconnects by itself and the conversation works.
    browser_context.unroute("**/socket.io/**")
    expect(banner).to_be_hidden(timeout=REPLY_MS)
    expect(page.locator("#status")).to_have_text("online")
    say(page, "how many reps should I do?")
    coach_said(page, "reps")


def test_the_server_serves_the_page_and_its_listed_files_only(coach):
    status, headers, body = request(coach.url + PAGE_PATH)
    assert status == 200 and b"<deep-chat" in body
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    for name in ("app.js", "app.css", "deepChat.bundle.js", "socket.io.min.js"):
        status, _, body = request(f"{coach.url}{PAGE_PATH}assets/{name}")
        assert status == 200 and len(body) > 100, name
    status, _, body = request(coach.url + PAGE_PATH + "health")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    readme = (ROOT / "README.md").read_bytes()[:40]
    for path in (
        "assets/package.json",
        "assets/index.html",
        "assets/..%2F..%2FREADME.md",
        "assets/%2e%2e/%2e%2e/%2e%2e/README.md",
        "../../README.md",
        "node_modules/deep-chat/package.json",
        "web/app.js",
    ):
        status, _, body = request(coach.url + PAGE_PATH + path)
        assert status == 404, (path, status)
        assert readme not in body
