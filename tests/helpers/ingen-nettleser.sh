#!/bin/sh
# The unit tier starts no browser: motedok is pointed here instead of Chromium (tests/helpers/ingen-nettleser.ts).
echo "ingen nettleser i enhetstestene (tests/unit/): en test her startet Chromium; flytt den til tests/e2e/" >&2
exit 1
