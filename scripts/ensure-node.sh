#!/usr/bin/env bash
# Makes Node.js 24 LTS the `node` on PATH. Where the machine's node is older, the pinned
# official build is unpacked into .tools/node from the npm registry (the node-<os>-<arch>
# package ships the release binary), checked against the integrity the registry states,
# and used for everything after. Source this file; it exports PATH.
NODE_VERSION=24.22.3
JUNCTION_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
junction_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(junction_node_major)" -lt 24 ]; then
  JUNCTION_NODE_HOME="$JUNCTION_ROOT/.tools/node"
  if [ "$("$JUNCTION_NODE_HOME/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
    junction_platform="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
    junction_tmp="$(mktemp -d)"
    echo "Bringing Node.js $NODE_VERSION ($junction_platform) into .tools/node..." >&2
    # npm pack verifies the tarball against the registry's integrity before writing it.
    (cd "$junction_tmp" && npm pack --silent "node-$junction_platform@$NODE_VERSION" >/dev/null)
    rm -rf "$JUNCTION_NODE_HOME" && mkdir -p "$JUNCTION_NODE_HOME"
    tar -xzf "$junction_tmp"/node-*.tgz -C "$JUNCTION_NODE_HOME" --strip-components=1
    rm -rf "$junction_tmp"
  fi
  export PATH="$JUNCTION_NODE_HOME/bin:$PATH"
  # Native addons build against the headers of the node that runs them.
  export npm_config_nodedir="$JUNCTION_NODE_HOME"
fi
if [ "$(junction_node_major)" -lt 24 ]; then
  echo "Junction needs Node.js >= 24; could not bring $NODE_VERSION into .tools/node." >&2
  return 1 2>/dev/null || exit 1
fi
