# SPDX-License-Identifier: GPL-3.0-or-later
"""The four charts of bench-chart, drawn by matplotlib, for comparison.

Reads the traces that bench-chart wrote (CSV: freq_hz, then per trace
z_mag_ohm, z_phase_deg, i_ma, spl_db, spl_max_db, dev_db), draws the same
2 x 2 figure at 1600 x 1000 px with the Agg backend, and prints the median
CPU time of one draw in milliseconds, timed inside Python: interpreter
start-up and imports are left out, as our figure leaves out process
start-up. Prints "unavailable: REASON" when matplotlib is missing.

With --export CSV PNG it is a whole process instead, as `headroom-cli
export` is one: it reads the data that export writes as CSV (a column per
configuration and figure), draws the same figure once and saves it as
PNG, and exits; bench-chart times it from outside, start-up and imports
included, against `headroom-cli export -o chart.png`.
"""

import csv
import statistics
import sys
import time

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
except ImportError as error:
    print(f"unavailable: {error}")
    sys.exit(0)

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7",
             "#E69F00", "#56B4E9", "#000000", "#B8A800"]
DASHES = ["-", "--", ":", "-.", (0, (12, 3)), (0, (3, 3)), (0, (6, 2, 1.5, 2, 1.5, 2)), (0, (10, 2, 3, 2))]
XTICKS = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000]
XLABELS = ["20", "50", "100", "200", "500", "1k", "2k", "5k", "10k", "20k"]


def draw(freq, traces, labels, keep=False):
    fig, axes = plt.subplots(2, 2, figsize=(16, 10), dpi=100)
    titles = ["Impedance", "Current", "SPL and clipping", "Frequency response change"]
    units = ["|Z| (Ω)", "Current (mA)", "SPL (dB)", "Change (dB)"]
    phase_axis = axes[0][0].twinx()
    for k, ax in enumerate(axes.flat):
        ax.set_xscale("log")
        ax.set_xlim(20, 20000)
        ax.set_xticks(XTICKS)
        ax.set_xticklabels(XLABELS)
        ax.grid(True, which="both", alpha=0.3)
        ax.set_title(titles[k], loc="left")
        ax.set_ylabel(units[k])
        ax.set_xlabel("Frequency (Hz)")
    axes[0][0].set_yscale("log")
    for t, (z, phase, current, spl, spl_max, dev) in enumerate(traces):
        style = dict(color=OKABE_ITO[t], linestyle=DASHES[t], linewidth=3.5 if t == 0 else 2)
        axes[0][0].plot(freq, z, label=labels[t], **style)
        phase_axis.plot(freq, phase, color=OKABE_ITO[t], linewidth=1, alpha=0.6)
        axes[0][1].plot(freq, current, **style)
        axes[1][0].plot(freq, spl, **style)
        axes[1][0].plot(freq, spl_max, color=OKABE_ITO[t], linestyle=":", linewidth=1.5)
        axes[1][0].fill_between(freq, spl_max, spl, where=spl > spl_max, color=OKABE_ITO[t], alpha=0.25)
        axes[1][1].plot(freq, dev, **style)
    for band in (1.0, 0.5, 0.2):
        axes[1][1].axhspan(-band, band, color="black", alpha=0.06)
    fig.suptitle("Comparison", x=0.01, ha="left")
    fig.legend(loc="lower center", ncol=4)
    if keep:
        return fig
    fig.canvas.draw()
    plt.close(fig)
    return None


def export(csv_path, png_path):
    """The figure of headroom-cli's CSV export, saved once."""
    figures = ["z_mag_ohm", "z_phase_deg", "i_source_ma", "spl_db", "spl_max_db", "dev_db"]
    with open(csv_path, encoding="utf-8") as f:
        header = next(csv.reader(f))
    data = np.genfromtxt(csv_path, delimiter=",", skip_header=1)
    labels = []
    columns = {}
    for index, name in enumerate(header):
        label, _, figure = name.rpartition(": ")
        if figure in figures:
            if label not in labels:
                labels.append(label)
            columns[(label, figure)] = data[:, index]
    traces = [tuple(columns[(label, figure)] for figure in figures) for label in labels]
    fig = draw(data[:, 0], traces, labels, keep=True)
    fig.savefig(png_path, dpi=100)
    plt.close(fig)


def main():
    if sys.argv[1] == "--export":
        export(sys.argv[2], sys.argv[3])
        return
    path, runs = sys.argv[1], int(sys.argv[2])
    data = np.genfromtxt(path, delimiter=",", skip_header=1)
    freq = data[:, 0]
    n_traces = (data.shape[1] - 1) // 6
    traces = [tuple(data[:, 1 + 6 * t + m] for m in range(6)) for t in range(n_traces)]
    labels = [f"trace {t + 1}" for t in range(n_traces)]

    draw(freq, traces, labels)  # warm-up: font cache, first-use costs
    times = []
    for _ in range(runs):
        start = time.process_time()
        draw(freq, traces, labels)
        times.append(time.process_time() - start)
    print(f"{statistics.median(times) * 1000.0:.3f}")


main()
