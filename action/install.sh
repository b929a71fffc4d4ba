#!/usr/bin/env bash
# Puts a `scalestudy` command on the PATH of the following steps: the released jar of $VERSION, verified
# against the release's SHA256SUMS, or (FROM_SOURCE=true) the jar built from the action's own checkout.
# Env: VERSION (e.g. 0.2.0, or v0.2.0), FROM_SOURCE (true|false), ACTION_DIR (the action's checkout),
#      RELEASES (base URL of the releases, e.g. https://github.com/OWNER/scalestudy/releases/download),
#      BIN_DIR (where the command goes), GITHUB_PATH (the runner's file of PATH additions).
set -euo pipefail
mkdir -p "$BIN_DIR"
jar="$BIN_DIR/scalestudy.jar"
if [ "${FROM_SOURCE:-false}" = "true" ]; then
  (cd "$ACTION_DIR" && mvn -B -q package -DskipTests)
  cp "$ACTION_DIR/target/scalestudy.jar" "$jar"
else
  version="${VERSION#v}"
  if [ -z "$version" ]; then
    echo "::error::set the action's 'version' input (a release such as 0.2.0), or 'build-from-source: true'"
    exit 2
  fi
  name="scalestudy-$version.jar"
  dir="$(mktemp -d)"
  curl -fsSL --retry 3 -o "$dir/$name" "$RELEASES/v$version/$name"
  curl -fsSL --retry 3 -o "$dir/SHA256SUMS" "$RELEASES/v$version/SHA256SUMS"
  # only the jar's line: the release may list other files (the launcher) that were not downloaded
  if ! (cd "$dir" && grep " $name\$" SHA256SUMS | sha256sum -c --strict -); then
    echo "::error::$name does not match the SHA256SUMS of release v$version; refusing to run it"
    exit 2
  fi
  mv "$dir/$name" "$jar"
fi
cat > "$BIN_DIR/scalestudy" <<LAUNCHER
#!/usr/bin/env sh
exec java -jar "$jar" "\$@"
LAUNCHER
chmod +x "$BIN_DIR/scalestudy"
echo "$BIN_DIR" >> "$GITHUB_PATH"
"$BIN_DIR/scalestudy" --version
