#!/usr/bin/python3
"""An agent at the video help desk, for test_videocall_browser: Debian's chromium, headless, with
fake camera and microphone, opens the platform's /desk/ page, answers the first call, reports
what arrives from the kiosk (one JSON line per step on stdout), and waits for the call's bye.

Usage: deskagent.py DESK_URL SAMPLE_POINTS_JSON [SCREENSHOT_DIR [EXPECTED [SHOT_PREFIX]]]

EXPECTED is what must arrive before the media step is reported, a comma list of camera, screen
and audio (all three unless given): a kiosk without camera or microphone still sends the rest.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def say(step, **fields):
    print(json.dumps({"step": step, **fields}), flush=True)


def wait_for(driver, script, timeout, interval=0.2):
    """Polls an async page script until it returns something truthy, or None at the deadline."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_async_script(script)
        if value:
            return value
        time.sleep(interval)
    return None


def main():
    desk_url, points = sys.argv[1], json.loads(sys.argv[2])
    shots = sys.argv[3] if len(sys.argv) > 3 else ""
    expected = (sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else "camera,screen,audio").split(",")
    prefix = sys.argv[5] if len(sys.argv) > 5 else "assist-desk"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                 "--autoplay-policy=no-user-gesture-required", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(10)
    try:
        driver.get(desk_url)
        on_duty = wait_for(driver, "arguments[0](window.desk && window.desk.socket && window.desk.socket.readyState === 1)", 15)
        say("on_duty", ok=bool(on_duty))
        call = wait_for(driver, "const c = (window.desk.calls || []).find(c => c.connected); arguments[0](c ? c.call_id : null)", 30)
        say("call_listed", call_id=call)
        if not call:
            return 1
        if shots:
            driver.save_screenshot(os.path.join(shots, prefix + "-waiting.png"))
        driver.execute_script("window.desk.answer(arguments[0])", call)
        stats = wait_for(driver, """
            const expected = arguments[0], done = arguments[1];
            window.desk.stats().then(s => {
              const arrived = {camera: s.camera && s.camera.frames > 10, screen: s.screen && s.screen.frames > 3,
                               audio: s.audio && s.audio.packets > 50};
              done(expected.every(kind => arrived[kind]) ? s : null);
            }).catch(() => done(null));""".replace("arguments[0], done = arguments[1]", json.dumps(expected) + ", done = arguments[0]"), 30, 0.5)
        say("media", stats=stats, state=driver.execute_script("return window.desk.state"),
            errors=driver.execute_script("return window.desk.errors"))
        if not stats:
            return 1
        time.sleep(1.0)  # a few more screen frames, so the sample is of a settled picture
        samples = driver.execute_script("return window.desk.sample('screen', arguments[0])", points)
        say("screen", samples=samples)
        if shots:
            driver.save_screenshot(os.path.join(shots, prefix + "-in-call.png"))
        say("waiting_for_bye")
        bye = wait_for(driver, "arguments[0]((window.desk.byes || []).length ? window.desk.byes[0] : null)", 30)
        say("bye", reason=bye, state=driver.execute_script("return window.desk.state"))
        return 0 if bye else 1
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
