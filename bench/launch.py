"""Run a command and report its own wall time and peak memory: a tiny /usr/bin/time.

Why not just wait4() from the benchmark: on Linux a child's ru_maxrss starts from the
resident size of the process that forked it, so a child of a 30 MB benchmark would never
show less than 30 MB. Started with `python -S`, this launcher is smaller than any Python
program it measures. Usage: python -S bench/launch.py RESULT_FILE CMD [ARG...]
"""
import os
import sys
import time


def main() -> int:
    result, cmd = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    with open(result, "w") as f:
        f.write('{"wall_s": %r, "peak_mb": %r, "cpu_s": %r, "exit": %d}\n' % (
            wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, code))
    return code


if __name__ == "__main__":
    sys.exit(main())
