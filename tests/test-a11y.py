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
and the pins are all in the tree. Scroll bars are GTK's own chrome
and are left out.
"""

import os
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


def walk(node, path, found):
    try:
        role = node.getRoleName()
        name = node.name or ""
        children = list(node)
    except Exception:
        return
    here = f"{path}/{role}"
    if role in CONTROL_ROLES:
        found.append((here, name))
    for child in children:
        if child is not None:
            walk(child, here, found)


def find_named(node, name):
    try:
        if node.name == name:
            return node
        children = list(node)
    except Exception:
        return None
    for child in children:
        if child is not None:
            found = find_named(child, name)
            if found is not None:
                return found
    return None


def is_unnamed(name):
    # GTK 4 names an unlabelled widget after its type: "GtkToggleButton".
    return not name.strip() or name.startswith(("Gtk", "Adw", "Hr"))


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
            found = []
            walk(accessible, "", found)
            charts = find_named(accessible, "Charts")
            charts_description = charts.description if charts else None
        finally:
            app.terminate()
            app.wait(timeout=10)

    roles = {path.rsplit("/", 1)[1] for path, _ in found}
    print(f"# {len(found)} controls, of roles: {', '.join(sorted(roles))}")
    for needed in ("combo box", "push button", "slider"):
        if needed not in roles:
            print(f"not ok: no {needed} in the tree; the walk did not reach the window")
            return 1
    unnamed = [(path, name) for path, name in found if is_unnamed(name)]
    for path, name in unnamed:
        print(f"not ok: {path} is named {name!r}")
    if unnamed:
        return 1
    print("ok: every control has a name")
    # The charts are read from the keyboard: the description says how, and
    # then says what the cursor's card says.
    if not charts_description or "arrow keys" not in charts_description:
        print(f"not ok: the charts' description is {charts_description!r}")
        return 1
    print(f"ok: the charts are described: {charts_description!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
