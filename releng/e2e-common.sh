# Shared by the end-to-end tests: an agent at the keyboard, driving an Amicus window through xdotool, and the test
# PBX's own channel list as the evidence. Sourced after releng/common.sh; expects OUT (screenshots, logs), LOG (the
# application's log file) and NAME (the test's name in its result line).

PBX_CLI=$PWD/releng/test-pbx/cli

shot() { import -window root "$OUT/$1.png" 2>/dev/null || true; }

fail() {
  shot failed
  log "FAILED: $*; screenshot $OUT/failed.png, log $LOG"
  tail -20 "$LOG" >&2
  echo "$NAME: 0 passed, 1 failed"
  exit 1
}

# Polls until the command succeeds: neither X nor the PBX's CLI has an event a shell script could wait on.
await() {  # seconds what command...
  local deadline=$((SECONDS + $1)) what=$2; shift 2
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt "$deadline" ] || fail "$what"
    sleep 0.2
  done
}

await_window() {  # title-pattern: prints the window's id once it shows
  timeout 60 xdotool search --sync --onlyvisible --name "$1" | head -1 || fail "no window titled $1 within 60 s"
}

connected_times() {  # at least $1 times so far, says the log
  [ "$(grep -c 'Connected to amicus-desktop@127.0.0.1:5038' "$LOG")" -ge "$1" ]
}

channels() { "$PBX_CLI" core show channels concise; }   # Channel!Context!Exten!Prio!State!App!...!BridgeID!Uniqueid
channel_line() { channels | grep "^$1-" | head -1; }

# The settings dialog's title in the product's language (AMICUS_E2E_NL, e.g. ru; English by default).
case "${AMICUS_E2E_NL:-}" in
  ru) SETTINGS_TITLE='Настройки Amicus' ;;
  de) SETTINGS_TITLE='Amicus-Einstellungen' ;;
  *) SETTINGS_TITLE='Amicus settings' ;;
esac

# Keys pressed while a new window is still settling can be lost: presses again while no dialog shows.
open_settings() {  # main-window
  local attempt dialog=
  for attempt in 1 2 3 4 5; do
    xdotool windowfocus --sync "$1"
    xdotool key --clearmodifiers ctrl+shift+s
    dialog=$(timeout 3 xdotool search --sync --onlyvisible --name "^$SETTINGS_TITLE *\$" | head -1) && break
  done
  [ -n "$dialog" ] || fail "Ctrl+Shift+S opened no settings dialog"
  echo "$dialog"
}

settings_closed() { ! xdotool search --onlyvisible --name "^$SETTINGS_TITLE *\$"; }

# The settings, typed: a profile for the test PBX with its secret, and my phone PJSIP/108 in the context amicus.
type_settings() {  # dialog
  field() { xdotool key ctrl+a; xdotool type "$1"; }
  xdotool windowfocus --sync "$1"
  # Tab order: profile, host, port, TLS, user, secret, certificate, device, auto-answer, context, caller id, ring time
  field "Test PBX";      xdotool key Tab
  field 127.0.0.1;       xdotool key Tab
  field 5038;            xdotool key Tab Tab
  field amicus-desktop;  xdotool key Tab
  field desktop-secret;  xdotool key Tab Tab
  field PJSIP/108;       xdotool key Tab Tab
  field amicus
  shot settings
  xdotool key Return
  await 10 "the settings dialog did not accept what was typed" settings_closed
}

customer_rings_104() {  # over AMI, as the PBX's CLI has no originate module loaded
  exec 3<>/dev/tcp/127.0.0.1/5038
  printf 'Action: Login\r\nUsername: amicus\r\nSecret: amicus-secret\r\n\r\n' >&3
  printf 'Action: Originate\r\nChannel: PJSIP/105\r\nContext: amicus\r\nExten: 104\r\nPriority: 1\r\n' >&3
  printf 'CallerID: "Customer" <105>\r\nAsync: true\r\n\r\nAction: Logoff\r\n\r\n' >&3
  timeout 10 cat <&3 >/dev/null || true   # until the PBX closes after the logoff
  exec 3<&-
}

rings_104() { channel_line PJSIP/104 | grep -q '!Ringing!'; }

bridged_108_105() {  # my phone 108 and the customer's 105 share a bridge (105 may have other calls too)
  local mine
  mine=$(channel_line PJSIP/108 | cut -d'!' -f13)
  [ -n "$mine" ] && channels | grep '^PJSIP/105-' | cut -d'!' -f13 | grep -qxF "$mine"
}

# A customer rings 104; the agent, in the Channels part's filter, types the number, goes Down to the ringing
# match and picks it up with Ctrl+Shift+P; the PBX bridges the customer with my phone 108.
pick_up_ringing_104() {  # main-window
  customer_rings_104
  await 15 "phone 104 did not ring" rings_104
  xdotool windowfocus --sync "$1"
  xdotool type PJSIP/104
  xdotool key Down
  shot ringing-selected
  xdotool key --clearmodifiers ctrl+shift+p
  await 15 "the call was not picked up on PJSIP/108" bridged_108_105
  shot picked-up
  "$PBX_CLI" channel request hangup "$(channel_line PJSIP/108 | cut -d'!' -f1)" >/dev/null
}
