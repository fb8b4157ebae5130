#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control of the window has a name, as a screen reader hears it.

Starts the app (argv[1]) with assistive technologies on, walks its
accessibility tree over AT-SPI, as Orca would, and fails on any control
whose name is empty or is GTK's fallback, the widget's type name
("GtkMenuButton"). Runs under xvfb-run and dbus-run-session
(tests/meson.build): the AT-SPI bus is started by D-Bus activation.

The window is shown with headphones chosen and a configuration pinned
(through a keyfile of settings), so that the charts page, the sliders
and the pins are all in the tree; then the Alternatives view is opened
and the Why? window, as a user of Orca would, and walked too. A name
must be said once: GTK 4.8 joined a button's own name to its label's
("Pin Pin") and kept a mnemonic's underscore ("_Alternatives"). Scroll
bars are GTK's own chrome and are left out. A part of the tree that
cannot be read fails the test rather than being skipped.
"""

import os
import re
import sys
import tempfile
import time
import subprocess

import pyatspi

CONTROL_ROLES = {
    "push button", "toggle button", "combo box", "slider", "spin button",
    "text", "entry", "check box", "radio button", "menu button", "link",
    "page tab", "toggle", "button", "menu item", "check menu item",
    "radio menu item", "list item", "image",
}

PIN = ('{"source":{"preset":"rme-fireface-800","output":"headphone"},'
       '"headphone":{"preset":"sennheiser-hd-650"},"level_db_spl":90}')

SETTINGS = f"""[io/github/headroom/Headroom]
source-id='rme-fireface-800'
output-id='line'
headphone-id='sennheiser-hd-650'
pinned=[('HD 650 on the phones out', true, uint32 1, '{PIN}')]
"""


def find_app(name, timeout_s=30):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name and app.childCount > 0:
                return app
        time.sleep(0.2)
    return None


def walk(node, path, found, broken):
    try:
        role = node.getRoleName()
        name = node.name or ""
        children = list(node)
    except Exception as error:  # noqa: BLE001 - any D-Bus failure is a failure here
        broken.append(f"{path}: {error}")
        return
    here = f"{path}/{role}"
    if role in CONTROL_ROLES:
        found.append((here, name))
    for child in children:
        if child is not None:
            walk(child, here, found, broken)


def find_named(node, name, role=None):
    if node.name == name and (role is None or node.getRoleName() == role):
        return node
    for child in node:
        if child is not None:
            found = find_named(child, name, role)
            if found is not None:
                return found
    return None


def problem_with(name):
    """What a screen reader would say wrong of this name, or None."""
    if not name.strip():
        return "no name"
    # GTK 4 names an unlabelled widget after its type: "GtkToggleButton".
    if name.startswith(("Gtk", "Adw", "Hr")):
        return "the widget's type for a name"
    if re.search(r"(^|\s)_\w", name):
        return "a mnemonic's underscore"
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return "the name twice"
    return None


def walk_window(window, label, broken):
    found = []
    walk(window, label, found, broken)
    return found


def click(app, name, role):
    node = find_named(app, name, role)
    if node is None:
        return False
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            return action.doAction(i)
    return action.doAction(0)


def main():
    app_path = sys.argv[1]
    with tempfile.TemporaryDirectory() as config:
        settings_dir = os.path.join(config, "glib-2.0", "settings")
        os.makedirs(settings_dir)
        with open(os.path.join(settings_dir, "keyfile"), "w") as keyfile:
            keyfile.write(SETTINGS)
        env = dict(os.environ)
        env.update(XDG_CONFIG_HOME=config, XDG_DATA_HOME=config,
                   GSETTINGS_BACKEND="keyfile")
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        app = subprocess.Popen([app_path], env=env)
        try:
            accessible = find_app("headroom")
            if accessible is None:
                print("not ok: the app never showed up on the accessibility bus")
                return 1
            # Let the window lay out and the pins' chips appear.
            time.sleep(2)
            broken = []
            found = walk_window(accessible, "", broken)
            charts = find_named(accessible, "Charts")
            charts_description = charts.description if charts else None
            # The Alternatives view, and the Why? window, opened as Orca
            # opens them: through the buttons' actions.
            opened = []
            for name, role in (("Alternatives", "push button"), ("Why?", "push button")):
                if not click(accessible, name, role):
                    print(f"not ok: no {role} named {name!r} to open")
                    return 1
                time.sleep(2)
                opened.append(name)
            found += walk_window(accessible, "", broken)
            n_windows = accessible.childCount
            # Still running: a critical is fatal here (G_DEBUG, meson.build).
            if app.poll() is not None:
                print(f"not ok: the app exited with status {app.returncode} while it was walked")
                return 1
        finally:
            app.terminate()
            app.wait(timeout=10)

    for problem in broken:
        print(f"not ok: the tree could not be read at {problem}")
    if broken:
        return 1
    print(f"# opened {', '.join(opened)} and walked the {n_windows} windows then")

    roles = {path.rsplit("/", 1)[1] for path, _ in found}
    print(f"# {len(found)} controls, of roles: {', '.join(sorted(roles))}")
    for needed in ("combo box", "push button", "slider"):
        if needed not in roles:
            print(f"not ok: no {needed} in the tree; the walk did not reach the window")
            return 1
    wrong = [(path, name, problem_with(name)) for path, name in found if problem_with(name)]
    for path, name, problem in wrong:
        print(f"not ok: {path} is named {name!r}: {problem}")
    if wrong:
        return 1
    for needed in ("Try: ", "Show the "):
        if not any(name.startswith(needed) for _, name in found):
            print(f"not ok: nothing named {needed!r}…: the Why? window was not walked")
            return 1
    if not any(name == "Sources for These Headphones" for _, name in found):
        print("not ok: the Alternatives view was not walked")
        return 1
    print("ok: every control has one name, said once")
    # The charts are read from the keyboard: the description says how, and
    # then says what the cursor's card says.
    if not charts_description or "arrow keys" not in charts_description:
        print(f"not ok: the charts' description is {charts_description!r}")
        return 1
    print(f"ok: the charts are described: {charts_description!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
