#!/usr/bin/env bash
# The debugging story, runnable: start the fraud detector, kill -9 it half-way, start it again on the same
# journals (it recovers from its newest checkpoint, verifies the alerts already journaled, and goes on), then
# replay the whole input journal without a crash and show with `ringflow diff` that the alerts are the same,
# record for record. Exits non-zero if they are not.
#
#   examples/bin/fraud-crash-demo.sh [DIR]     (DIR: where the journals go; default a new temporary directory)
#   DURATION=20 KILL_AFTER=6 RATE=50000 CARDS=10000 JOURNAL_MODE=durable examples/bin/fraud-crash-demo.sh
#   (KILL_AFTER: seconds after the first checkpoint is committed; default a third of DURATION.
#    JOURNAL_MODE=fast: the generator publishes through the fast ingress and the detector journals beside
#    processing; the kill may lose events not yet journaled, which the restart sends again)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${1:-$(mktemp -d -t ringflow-crash-XXXXXX)}"
duration="${DURATION:-20}"
kill_after="${KILL_AFTER:-$((duration / 3))}"
rate="${RATE:-50000}"
cards="${CARDS:-10000}"
mode="${JOURNAL_MODE:-durable}"
pipeline=io.ringflow.examples.fraud.FraudDetector
ringflow="$root/ringflow"
run="$dir/run"
mkdir -p "$dir"

"$ringflow" --help > /dev/null   # builds on first use, so that the kill below lands on a running detector
echo "== 1. the detector runs for ${duration} s at ${rate} events/s (${mode} journal mode); killed ${kill_after} s after its first checkpoint =="
"$ringflow" demo fraud --duration "$duration" --rate "$rate" --cards "$cards" --journal-dir "$run" \
  --journal-mode "$mode" --checkpoint-every 2 > "$dir/first-run.log" 2>&1 &   # checkpoints often: several before the kill
pid=$!   # the launcher execs java: this is the JVM
for _ in $(seq 600); do   # a kill before the first checkpoint would only show a restart from scratch
  ls "$run/checkpoints" 2>/dev/null | grep -q manifest && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/first-run.log"; echo "the detector ended before its first checkpoint" >&2; exit 1; }
  sleep 0.1
done
sleep "$kill_after"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
tail -n 3 "$dir/first-run.log" | sed 's/^/   | /'
echo "   killed with SIGKILL: $(ls "$run/checkpoints" | grep -c manifest || true) checkpoints committed"

echo "== 2. started again on the same journals: recover, verify, continue for 3 s, end =="
"$ringflow" demo fraud --duration 3 --rate "$rate" --cards "$cards" --journal-dir "$run" --journal-mode "$mode" \
  > "$dir/second-run.log"
grep -E "^(journals in|durability|alerts|fraud caught)" "$dir/second-run.log" | sed 's/^/   | /'

echo "== 3. the same input journal replayed from the start, no crash =="
rm -rf "$dir/uninterrupted"
"$ringflow" replay "$run/input" --pipeline "$pipeline" --out "$dir/uninterrupted" | tail -n 2 | sed 's/^/   | /'

echo "== 4. ringflow diff: the crashed-and-recovered alerts against the uninterrupted ones =="
"$ringflow" diff "$run/output" "$dir/uninterrupted"
echo "journals kept in $dir"
