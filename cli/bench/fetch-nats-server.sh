#!/usr/bin/env bash
# Fetches Debian's nats-server package from another Debian suite (trixie by default, which has 2.10) without
# installing it, and prints the path of its binary. The side-by-side script's nats-always column needs it:
# bookworm's nats-server 2.9.10, the reference server the tests run against, rejects `sync_interval`.
# apt itself downloads and checks the suite's signed index and the package's hash, with the keyrings of
# debian-archive-keyring; the system's apt sources and package state are left untouched.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: cli/bench/fetch-nats-server.sh [--suite SUITE] [--dir DIR] [-h]

Downloads the nats-server package of Debian SUITE into DIR, unpacks it there and prints the binary's path.
Run the side-by-side script's syncing nats-server column with it:

  NATS_SYNC_SERVER=$(cli/bench/fetch-nats-server.sh) cli/bench/side-by-side.sh --only-js

  --suite SUITE   the Debian suite [trixie]
  --dir DIR       where to keep the package and the apt lists [cli/target/nats-server-SUITE]
  -h, --help      this help
EOF
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
suite=trixie
dir=
while [[ $# -gt 0 ]]; do
    case $1 in
        --suite) suite=${2:?--suite needs a value}; shift 2 ;;
        --dir) dir=${2:?--dir needs a value}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
dir=${dir:-$script_dir/../target/nats-server-$suite}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -f $keyring ]] || { echo "no $keyring (apt-get install -y debian-archive-keyring)" >&2; exit 2; }

mkdir -p "$dir/sources" "$dir/lists/partial" "$dir/cache/archives/partial"
dir=$(cd "$dir" && pwd)
printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
    "$suite" "$keyring" >"$dir/sources/$suite.sources"
# A private source list, list directory and cache: apt reads and writes nothing of the system's.
apt_opts=(-q -o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$dir/sources"
          -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" -o "Debug::NoLocking=1"
          -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" update >&2
version=$(apt-cache "${apt_opts[@]}" madison nats-server | awk -F'|' -v s="$suite" '$3 ~ s { gsub(/ /, "", $2); print $2; exit }')
[[ -n $version ]] || { echo "no nats-server in Debian $suite" >&2; exit 1; }
rm -f "$dir"/nats-server_*.deb
(cd "$dir" && apt-get "${apt_opts[@]}" download "nats-server=$version" >&2)
rm -rf "$dir/root"
dpkg-deb -x "$dir"/nats-server_*.deb "$dir/root"
binary=$dir/root/usr/sbin/nats-server
"$binary" --version >&2
echo "$binary"
