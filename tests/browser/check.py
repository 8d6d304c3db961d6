#!/usr/bin/env python3
"""Checks the seed report in a real Chromium through chromedriver.

Standard library only: talks to chromedriver's WebDriver HTTP API with
urllib. Usage: check.py REPORT.html REPORT.json OUT_DIR

Checks, at desktop (1280x900) and phone (390x844) widths:
- every group is listed, and at desktop width the group cards and the start
  of the first group's timeline are above the fold;
- the Ankara group's timeline draws 18-20 and 19-21 September at least
  10 px apart, and the years 2024 and 2025 at least 40 px apart;
- its matrix exists and marks conflicting cells (class and text label);
- every conflict of the JSON report has its section, labelled "conflict";
- every quote link points at a mark in the article texts;
- the page does not overflow horizontally at phone width;
- the browser logged no error.
Saves screenshots (viewport and the Ankara timeline and matrix) to OUT_DIR.
"""

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            self.base + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read() or b"{}").get("value")

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def start(self, binary, profile):
        caps = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": binary,
                        "args": FLAGS + [f"--user-data-dir={profile}"],
                    },
                    "goog:loggingPrefs": {"browser": "ALL"},
                }
            }
        }
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def resize(self, width, height):
        self.s("POST", "/window/rect", {"width": width, "height": height})
        # The outer window includes no chrome in headless mode; make the
        # viewport exactly the size asked for.
        inner = self.js("return [window.innerWidth, window.innerHeight];")
        self.s(
            "POST",
            "/window/rect",
            {"width": 2 * width - inner[0], "height": 2 * height - inner[1]},
        )

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.s("GET", "/screenshot")))

    def element_screenshot(self, css, path):
        el = self.s("POST", "/element", {"using": "css selector", "value": css})
        eid = next(iter(el.values()))
        self.js("document.querySelector(arguments[0]).scrollIntoView();", css)
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.s("GET", f"/element/{eid}/screenshot")))

    def logs(self):
        try:
            return self.s("POST", "/se/log", {"type": "browser"}) or []
        except Exception:  # older chromedriver
            return self.s("POST", "/log", {"type": "browser"}) or []


def find_binary(*names):
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    sys.exit(f"none of {names} found")


def main():
    html_path, json_path, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    report = json.load(open(json_path, encoding="utf-8"))
    url = "file://" + os.path.abspath(html_path)
    chromium = find_binary("chromium", "chromium-browser", "google-chrome")
    port = free_port()
    driver_proc = subprocess.Popen(
        [find_binary("chromedriver"), f"--port={port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    profile = tempfile.mkdtemp(prefix="factdiff-chromium-")
    d = Driver(port)
    try:
        for _ in range(100):
            try:
                d.call("GET", "/status")
                break
            except Exception:
                time.sleep(0.1)
        d.start(chromium, profile)
        run_checks(d, report, url, out)
    finally:
        try:
            if d.session:
                d.call("DELETE", f"/session/{d.session}")
        finally:
            driver_proc.terminate()
            driver_proc.wait(timeout=10)
            shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("all browser checks passed")


def rect_js(css):
    return (
        "const e = document.querySelector(arguments[0]);"
        "if (!e) return null; const r = e.getBoundingClientRect();"
        "return {x: r.x, y: r.y, w: r.width, h: r.height, bottom: r.bottom};"
    ), css


def run_checks(d, report, url, out):
    # Desktop.
    d.resize(1280, 900)
    d.s("POST", "/url", {"url": url})
    clusters = report["clusters"]
    cards = d.js("return document.querySelectorAll('.group-card').length;")
    check(cards == len(clusters), f"{len(clusters)} group cards listed (found {cards})")
    bottom = d.js(
        "return Math.max(...[...document.querySelectorAll('.group-card')]"
        ".map(e => e.getBoundingClientRect().bottom));"
    )
    check(bottom <= 900, f"all group cards above the fold at 1280x900 (bottom {bottom:.0f})")

    ankara = next(
        (c for c in clusters if any(d_["kind"] == "date" and d_["severity"] == "conflict"
                                     for d_ in c["discrepancies"])),
        None,
    )
    check(ankara is not None, "a group with a date conflict (Ankara)")
    if ankara is None:
        return
    cid = ankara["id"]
    tl = d.js(*rect_js(f"#{cid}-timeline"))
    check(tl is not None, f"timeline #{cid}-timeline present")
    if tl:
        check(tl["y"] < 900, f"timeline starts above the fold (y {tl['y']:.0f})")

    def bar_x(value):
        return d.js(
            "const g = [...document.querySelectorAll(arguments[0] + ' g.span')]"
            ".find(g => g.getAttribute('data-value') === arguments[1]);"
            "return g ? g.querySelector('rect').getBoundingClientRect().x : null;",
            f"#{cid}-timeline",
            value,
        )

    def year_x(year):
        return d.js(
            "const g = [...document.querySelectorAll(arguments[0] + ' g.year')]"
            ".find(g => g.getAttribute('data-value') === arguments[1]);"
            "return g ? g.firstElementChild.nextElementSibling.getBoundingClientRect().x : null;",
            f"#{cid}-timeline",
            year,
        )

    date_conflict = next(x for x in ankara["discrepancies"]
                         if x["kind"] == "date" and x["severity"] == "conflict")
    xs = [bar_x(v["value"]) for v in date_conflict["values"]]
    check(None not in xs and len(xs) >= 2, f"timeline bars for {[v['value'] for v in date_conflict['values']]}")
    if None not in xs and len(xs) >= 2:
        gap = abs(xs[0] - xs[1])
        check(gap >= 10, f"shifted ranges drawn {gap:.1f} px apart (>= 10)")
    y24, y25 = year_x("2024"), year_x("2025")
    check(y24 is not None and y25 is not None, "years 2024 and 2025 drawn")
    if y24 is not None and y25 is not None:
        check(abs(y25 - y24) >= 40, f"2024 and 2025 drawn {abs(y25 - y24):.1f} px apart (>= 40)")
    unknown = d.js(
        "return [...document.querySelectorAll(arguments[0] + ' text')]"
        ".some(t => t.textContent.includes('year not given'));",
        f"#{cid}-timeline",
    )
    check(unknown, "a date without a year is labelled 'year not given'")

    matrix = d.js(
        "const t = document.querySelector(arguments[0]); if (!t) return null;"
        "const cells = [...t.querySelectorAll('td.cell.conflict')];"
        "return {rows: t.querySelectorAll('tbody tr').length, conflict: cells.length,"
        " labelled: cells.every(c => c.querySelector('.tag').textContent.trim() === 'conflict'),"
        " missing: t.querySelectorAll('td.cell.missing').length};",
        f"#{cid}-matrix",
    )
    check(matrix is not None, f"matrix #{cid}-matrix present")
    if matrix:
        check(matrix["rows"] >= len(ankara["rows"]), f"matrix has {matrix['rows']} rows")
        check(matrix["conflict"] > 0 and matrix["labelled"],
              f"{matrix['conflict']} conflicting cells, each labelled 'conflict'")
        check(matrix["missing"] > 0, "missing cells marked")
        mtop = d.js(*rect_js(f"#{cid}-matrix"))

    for c in clusters:
        for f in c["discrepancies"]:
            if f["severity"] != "conflict":
                continue
            ok = d.js(
                "const e = document.getElementById(arguments[0]);"
                "return !!e && e.classList.contains('conflict') &&"
                " e.textContent.toLowerCase().includes('conflict');",
                f["id"],
            )
            check(ok, f"conflict {f['id']} ({f['kind']} {f['topic']}) shown and labelled")

    links = d.js(
        "const ls = [...document.querySelectorAll('a.quote-link, td.cell a')];"
        "const bad = ls.filter(a => { const id = a.getAttribute('href').slice(1);"
        " const t = document.getElementById(id); return !t || !t.closest('.article'); });"
        "return [ls.length, bad.map(a => a.getAttribute('href'))];"
    )
    check(links[0] > 0 and not links[1], f"{links[0]} quote links all reach the article texts {links[1][:3]}")
    rtl = d.js(
        "const ps = [...document.querySelectorAll('.article .text')];"
        "return ps.filter(p => p.dir === 'rtl' && p.lang === 'ar').length;"
    )
    check(rtl >= 1, f"{rtl} Arabic article texts with dir=rtl lang=ar")
    bdi = d.js(
        "return [...document.querySelectorAll('.article bdi[dir=ltr]')]"
        ".some(b => /IGEF/.test(b.textContent));"
    )
    check(bdi, "Latin runs such as IGEF 2025 isolated in <bdi dir=ltr>")
    external = d.js(
        "return [...document.querySelectorAll('[src], link[href], script')].length;"
    )
    check(external == 0, "no scripts, no external resources")

    d.screenshot(os.path.join(out, "desktop-1280.png"))
    d.element_screenshot(f"#{cid}-timeline", os.path.join(out, "timeline-1280.png"))
    d.element_screenshot(f"#{cid}-matrix", os.path.join(out, "matrix-1280.png"))
    d.element_screenshot(f"#{cid} .finding.conflict", os.path.join(out, "conflict-1280.png"))

    # Phone.
    d.resize(390, 844)
    d.s("POST", "/url", {"url": url})
    overflow = d.js(
        "return [document.documentElement.scrollWidth, window.innerWidth];"
    )
    check(overflow[0] <= overflow[1], f"no horizontal page overflow at phone width {overflow}")
    d.screenshot(os.path.join(out, "phone-390.png"))
    d.js("document.getElementById(arguments[0]).scrollIntoView();", cid)
    d.screenshot(os.path.join(out, "phone-390-event.png"))

    errors = [l for l in d.logs() if l.get("level") == "SEVERE"]
    check(not errors, f"no console errors {errors[:3]}")


if __name__ == "__main__":
    main()
