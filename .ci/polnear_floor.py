"""Run the PolNeAR scorer against the installed ledger and fail below the floors in FLOORS_FILE.

The scorer prints its figures; with --json it returns them, which is what the floors are checked on.
Floors file lines: `a_exact 0.40`, `b_overlap50 0.60`, `c_overlap50_speaker 0.50` (F1 values).
"""
import json
import subprocess
import sys
from pathlib import Path

scorer, gold, ledger, floors_file = sys.argv[1:5]
run = subprocess.run([sys.executable, scorer, gold, "--ledger", ledger, "--json"], capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"PolNeAR scorer failed: {run.stderr[-2000:]}")
result = json.loads(run.stdout)
failed = []
for key in ("a_exact", "b_overlap50", "c_overlap50_speaker"):
    print(f"{key:22} P {result[key]['precision']:.3f}  R {result[key]['recall']:.3f}  F1 {result[key]['f1']:.3f}")
path = Path(floors_file)
for line in (path.read_text().splitlines() if path.exists() else []):
    if line.strip() and not line.startswith("#"):
        key, floor = line.split()
        if result[key]["f1"] < float(floor):
            failed.append(f"{key} F1 {result[key]['f1']:.3f} < floor {floor}")
if failed:
    sys.exit("BELOW FLOOR: " + "; ".join(failed))
print("PolNeAR floors held" if path.exists() else "no PolNeAR floors set yet")
