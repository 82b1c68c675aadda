#!/usr/bin/python3
"""A plain `pip install .` (isolated build, nothing downloadable) stops with the command that
works, never with a resolver error. Run by ctest: plain_pip_test.py SOURCE_DIR WORK_DIR."""
import os
import shutil
import subprocess
import sys
import venv

source, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
venv.EnvBuilder(with_pip=True).create(work)  # a plain venv: no Debian packages in sight
env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
p = subprocess.run([os.path.join(work, "bin", "python"), "-m", "pip", "install", source],
                   capture_output=True, text=True, env=env, timeout=300)
out = p.stdout + p.stderr
failures = []
if p.returncode == 0:
    failures.append("a plain pip install succeeded in an isolated build: the test assumes it cannot")
if "scripts/install-python.sh" not in out or "--no-build-isolation" not in out:
    failures.append("the message does not name the fix")
if "No matching distribution" in out or "invalid command 'bdist_wheel'" in out.replace("(invalid command 'bdist_wheel')", ""):
    failures.append("a resolver or setuptools error instead of the fix")
for f in failures:
    print("FAIL", f)
if failures:
    print(out[-3000:])
    sys.exit(1)
print("ok: a plain pip install names scripts/install-python.sh and the --no-build-isolation command")
