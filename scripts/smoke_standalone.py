"""Smoke-test the BUILT standalone vsr (dist/standalone/vsr), never the checkout.

Runs in a temporary folder with a temporary HOME, XDG folders and library, so nothing of the
developer's own vsr is touched:
1. `vsr --version`
2. `vsr demo --no-gui` (makes the demo recording and review)
3. `vsr-gui --self-test DIR`: the window opens the demo, plays until the picture is on the
   screen, marks, exports the learning summary as PDF and quits (ui/self_test.py); the PDF must
   hold the expected text (pdftotext or pypdf)
4. the start-up time: from starting vsr-gui until its window is shown and takes input
5. on Linux: libVLC and its plugins were loaded from the bundle (the process's memory map)

On Linux it needs an X display: without DISPLAY it starts its own Xvfb (1366x768x24).
Prints a JSON report; exit status 0 only when every check passed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "standalone" / "vsr"
EXPECTED_PDF_TEXT = ("Gezamenlijk leerverslag", "Demo: terugkijken op een begeleidingsgesprek",
                     "Ik vroeg wat je doel is", "Cliënt")
GUI_TIMEOUT_S = 240


def program(bundle: Path, name: str) -> Path:
    exe = bundle / (name + (".exe" if sys.platform.startswith("win") else ""))
    if not exe.exists():
        raise SystemExit(f"{exe} not found: build first (python scripts/build_standalone.py)")
    return exe


def isolated_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VSR_", "PYTHON", "VLC_", "QT_", "XDG_"))}
    for name in ("config", "data", "state", "cache"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "data"),
               LOCALAPPDATA=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), VSR_LOG_DIR=str(home / "log"),
               VSR_LANG="nl", VSR_VLC_ARGS="--aout=dummy")
    return env


def start_xvfb() -> tuple[subprocess.Popen[bytes] | None, str | None]:
    """Our own Xvfb when there is no display (Linux only)."""
    if not sys.platform.startswith("linux") or os.environ.get("DISPLAY"):
        return None, os.environ.get("DISPLAY")
    for number in range(90, 110):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten",
                                 "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return xvfb, f":{number}"
            time.sleep(0.05)
        xvfb.terminate()
    raise SystemExit("could not start Xvfb")


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
    from pypdf import PdfReader  # the dev extra

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


def vlc_maps(pid: int) -> list[str]:
    """The libVLC files mapped into process `pid` (Linux)."""
    try:
        lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    except OSError:
        return []
    return sorted({line.split()[-1] for line in lines
                   if "vlc" in line.split()[-1] and line.split()[-1].startswith("/")})


def run_gui(exe: Path, cwd: Path, env: dict[str, str], out: Path) -> dict[str, object]:
    started = time.time()
    proc = subprocess.Popen([str(exe), "--self-test", str(out)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    maps: list[str] = []
    deadline = time.monotonic() + GUI_TIMEOUT_S
    while proc.poll() is None and time.monotonic() < deadline:
        # the window program runs as the bootloader's child on Linux: look at every child
        for pid in [proc.pid, *children(proc.pid)]:
            maps = sorted(set(maps) | set(vlc_maps(pid)))
        time.sleep(0.5)
    if proc.poll() is None:
        proc.kill()
    output = proc.communicate()[0].decode("utf-8", "replace")
    report_file = out / "self-test.json"
    report = json.loads(report_file.read_text("utf-8")) if report_file.exists() else {}
    shown = float(report.get("window_shown_epoch") or 0)
    return {"returncode": proc.returncode, "report": report, "output_tail": output[-3000:],
            "startup_s": round(shown - started, 2) if shown else None, "vlc_files": maps}


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def check(name: str, ok: bool, detail: str, results: list[dict[str, object]]) -> None:
    results.append({"check": name, "ok": bool(ok), "detail": detail})
    print(f"[{'ok' if ok else 'FAIL'}] {name}: {detail}", flush=True)


def smoke(bundle: Path, keep: Path | None = None) -> dict[str, object]:
    results: list[dict[str, object]] = []
    work = Path(tempfile.mkdtemp(prefix="vsr-smoke-"))
    env = isolated_env(work / "home")
    xvfb, display = start_xvfb()
    if display:
        env["DISPLAY"] = display
    try:
        cli = program(bundle, "vsr")
        t0 = time.monotonic()
        version = subprocess.run([str(cli), "--version"], cwd=work, env=env, capture_output=True,
                                 text=True, timeout=60)
        check("vsr --version", version.returncode == 0 and version.stdout.startswith("vsr "),
              f"{version.stdout.strip()} ({time.monotonic() - t0:.1f} s)", results)
        demo = subprocess.run([str(cli), "demo", "--no-gui"], cwd=work, env=env,
                              capture_output=True, text=True, timeout=300)
        made = list((work / "home" / "data").rglob("demo-begeleidingsgesprek.mp4"))
        check("vsr demo --no-gui", demo.returncode == 0 and bool(made),
              (demo.stdout + demo.stderr).strip()[-300:], results)
        gui = run_gui(program(bundle, "vsr-gui"), work, env, work / "self-test")
        report = gui["report"] if isinstance(gui["report"], dict) else {}
        steps = ", ".join(f"{s['name']} {'ok' if s['ok'] else 'FAILED'} ({s['seconds']} s: "
                          f"{s['detail']})" for s in report.get("steps", []))
        check("GUI self-test", gui["returncode"] == 0 and report.get("ok") is True,
              steps or str(gui["output_tail"]), results)
        pdf = Path(str(report.get("pdf") or work / "missing.pdf"))
        text = pdf_text(pdf) if pdf.exists() else ""
        missing = [t for t in EXPECTED_PDF_TEXT if t not in text]
        check("PDF text", pdf.exists() and not missing,
              f"{pdf.name}: missing {missing}" if missing else f"{pdf.name}: all expected text",
              results)
        check("start-up", gui["startup_s"] is not None, f"{gui['startup_s']} s to the window",
              results)
        if sys.platform.startswith("linux"):
            files = [str(f) for f in gui["vlc_files"]]  # type: ignore[union-attr]
            inside = str(bundle.resolve())
            outside = [f for f in files if not f.startswith(inside)]
            plugins = [f for f in files if "/vlc/plugins/" in f]
            check("libVLC from the bundle", bool(files) and bool(plugins) and not outside,
                  f"{len(files)} VLC files mapped ({len(plugins)} plugins), outside the bundle: "
                  f"{outside or 'none'}", results)
        return {"ok": all(r["ok"] for r in results), "checks": results,
                "startup_s": gui["startup_s"], "self_test": report}
    finally:
        if keep is not None and (work / "self-test").is_dir():
            shutil.copytree(work / "self-test", keep, dirs_exist_ok=True)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the built folder")
    parser.add_argument("--json", type=Path, help="also write the report here")
    parser.add_argument("--keep", type=Path, help="copy the self-test's files (PDF, frame) here")
    args = parser.parse_args(argv)
    result = smoke(args.bundle, args.keep)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text, "utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
