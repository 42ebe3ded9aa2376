# Shared by releng/run and releng/test: set-up steps that make a fresh Debian machine ready.
# Sourced, not run. Expects the working directory to be the repository root.

log() { printf '[amicus %s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_root() {
  [ "$(id -u)" = 0 ] || die "run as root (sudo $0): it installs packages and runs the test PBX in a chroot"
}

# Installs the Debian packages that are missing, in one apt-get call.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
}

# Exports JAVA_HOME as a JDK >= 21 (the same rule the product's launcher follows).
use_jdk() {
  JAVA_HOME=$(features/org.amicus.app.feature/rootfiles/find-jdk) || exit 1
  export JAVA_HOME
  log "using Java at $JAVA_HOME"
}

PRODUCT_ARCHIVE=releng/org.amicus.product/target/products/amicus-linux.gtk.x86_64.tar.gz

# Unpacks the product archive into a fresh folder and prints the launcher's path.
unpack_product() {
  local into=$1
  [ -f "$PRODUCT_ARCHIVE" ] || die "no product archive at $PRODUCT_ARCHIVE: build first"
  rm -rf "$into" && mkdir -p "$into"
  tar -xzf "$PRODUCT_ARCHIVE" -C "$into"
  echo "$into/amicus/amicus"
}

# The Tycho version the build uses, for calling one of its plugins by hand.
tycho_version() {
  sed -n 's:.*<version>\(.*\)</version>.*:\1:p' .mvn/extensions.xml | head -1
}

# Gives the running test NATS cluster the accounts `amicus hub nats-config` writes for this configuration, starts
# `amicus hub` with it in the background (hub_pid), and returns once its log says it serves.
start_hub() {  # launcher config.json hub.log
  local accounts=${2%.json}-accounts.conf log_fd follower served=0
  "$1" hub nats-config --config "$2" > "$accounts"
  releng/test-nats/start "$accounts"
  "$1" hub --config "$2" > "$3" 2>&1 &
  hub_pid=$!
  # a new JVM and its OSGi framework: the hub says in its log when it serves, read as it grows
  exec {log_fd}< <(tail -n +1 -F "$3" 2>/dev/null)
  follower=$!
  timeout 60 grep -q -m1 "serves, " <&"$log_fd" && served=1
  kill "$follower" 2>/dev/null || true
  exec {log_fd}<&-
  [ $served = 1 ] || die "the hub did not serve within a minute: see $3"
}
