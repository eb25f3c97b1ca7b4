#!/usr/bin/env bash
# Installs the Debian packages faqbot builds and runs with. Run as root it
# installs what is missing with apt-get; otherwise it prints the exact command.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  libxapian-dev libcpp-httplib-dev nlohmann-json3-dev libspdlog-dev
  libgtest-dev libgmock-dev libyaml-cpp-dev libssl-dev libbenchmark-dev
  wamerican wrk curl
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: these Debian packages are missing: ${missing[*]}" >&2
  echo "setup: install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
