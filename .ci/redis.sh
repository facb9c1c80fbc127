#!/usr/bin/env bash
# Installs redis-server from the Debian packages when it is missing. The install does not start it:
# the Redis tests start their own server on a free loopback port (or use CODEGEN_REDIS=host:port).
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  echo "redis-server already installed: $(redis-server --version)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y redis-server
echo "installed: $(redis-server --version)"
