#!/usr/bin/env bash
# Refreshes the front-end libraries the website serves from the jar (src/main/resources/assets/vendor/),
# each with its version and licence. Needs npm only when run; building the jar needs neither npm nor Node.
set -euo pipefail
cd "$(dirname "$0")/.."
TUS_JS_CLIENT_VERSION="${1:-4.3.1}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "tus-js-client@${TUS_JS_CLIENT_VERSION}" >/dev/null && tar xzf tus-js-client-*.tgz)
target=src/main/resources/assets/vendor
mkdir -p "$target"
cp "$work/package/dist/tus.min.js" "$target/tus.min.js"
cp "$work/package/LICENSE" "$target/tus-js-client.LICENSE.txt"
cat > "$target/README.txt" <<TEXT
Front-end libraries served by the website, refreshed by scripts/vendor-assets.sh.

tus.min.js                  tus-js-client ${TUS_JS_CLIENT_VERSION} (MIT licence, tus-js-client.LICENSE.txt):
                            the resumable upload client of the uploader page.
TEXT
echo "tus-js-client ${TUS_JS_CLIENT_VERSION} vendored into $target"
