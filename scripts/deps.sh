#!/bin/sh
# Installs the Debian 12 packages cgocheck needs to build and test, skipping
# those already installed. Uses sudo when not run as root.
set -eu

packages="cmake ninja-build python3 gcc g++ libc6-dev libstdc++-12-dev
  clang-19 clang-tidy-19 llvm-19-dev libclang-19-dev libclang-rt-19-dev
  clang-22 clang-tidy-22 llvm-22-dev libclang-22-dev
  catch2 librange-v3-dev nlohmann-json3-dev golang-1.19
  libre2-dev pkg-config git python3-jsonschema pre-commit"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "deps: all packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "deps: installing$missing"
$sudo apt-get update -qq
# clang-22 comes from bookworm-security on Debian 12.
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done"
