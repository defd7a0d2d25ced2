"""`make bench`: every benchmark, one after the other. Each prints `BENCH <name> <value> <unit>`."""
import sys

from . import build, cluster, store, view

if __name__ == "__main__":
    which = sys.argv[1:] or ["build", "store", "view", "cluster"]
    if "build" in which:
        build.main()
    if "store" in which:
        store.main()
    if "view" in which:
        view.main()
    if "cluster" in which:
        cluster.main()
