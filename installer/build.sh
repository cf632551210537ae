#!/usr/bin/env bash
# Builds a self-contained Tandem (own Java runtime, no Java needed on the target machine) with the
# JDK's jlink + jpackage. See installer/README.md.
#
#   installer/build.sh [TYPE]
#
# TYPE   default: app-image + the usual package for this OS
#          Linux   -> app-image, deb
#          Windows -> app-image, msi   (needs WiX 3 on PATH for JDK 17-21; WiX 3 or 4/5 for JDK 22+)
#          macOS   -> app-image, dmg
#        or one of: app-image | deb | rpm | msi | exe | dmg | pkg
#
# Environment (all optional):
#   JAVA_HOME        JDK 17+ with jmods (jlink, jpackage, jdeps); default: the JDK of `javac` on PATH
#   SKIP_BUILD=1     reuse target/ instead of running `mvn -B -DskipTests package`
#   APP_VERSION      package version (default: the pom's <version>)
#   MAC_APP_VERSION  macOS version: jpackage refuses a first number of 0 there (e.g. 1.0.0)
#   EXTRA_MODULES    comma-separated JDK modules to add to the runtime
#   DEB_MAINTAINER   e-mail address for the .deb Maintainer field
#   JLINK_COMPRESS=1 compress the runtime (smaller install, bigger .deb, slower start)
#
# Output: target/installer/ (tandem/ app image on Linux/Windows, Tandem.app on macOS, and the
# package file). jpackage cannot cross-build: make each OS's package on that OS.
set -euo pipefail

ROOT=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

NAME=tandem
VENDOR=Tandem
MAIN_CLASS=care.tandem.Main
DESCRIPTION="Offline-first dyadic care screening, notes and referrals for pediatric primary care"
# Fixed forever: lets a newer MSI replace an older one instead of installing beside it.
WIN_UPGRADE_UUID=5a194fe6-7c79-4f1d-b3ad-15b272632439

# Same JVM flags as the target/bin/tandem launcher (src/main/launcher/tandem). The bundled runtime
# is the build JDK's version; on a JDK 24+ build also add --sun-misc-unsafe-memory-access=allow.
JAVA_OPTIONS=(
  -XX:+UseSerialGC -Xms32m -Xmx384m -Dfile.encoding=UTF-8
  --enable-native-access=ALL-UNNAMED
)

# JDK modules always included: jdeps cannot see modules reached only through ServiceLoader,
# reflection or locale lookup (jdk.localedata for Spanish dates/numbers, jdk.crypto.ec for TLS,
# jdk.zipfs for zip file systems). The jdeps result is added to these.
BASE_MODULES=java.base,java.desktop,java.sql,java.logging,java.naming,java.management,java.scripting,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.zipfs,jdk.jfr

log() { printf '== %s\n' "$*"; }
die() { printf 'installer/build.sh: %s\n' "$*" >&2; exit 1; }

case "$(uname -s)" in
  Linux*) OS=linux ;;
  Darwin*) OS=mac ;;
  CYGWIN*|MINGW*|MSYS*) OS=windows ;;
  *) die "unsupported OS: $(uname -s)" ;;
esac

TYPE=${1:-default}
case "$TYPE" in
  default)
    case "$OS" in
      linux) TYPES=(app-image deb) ;;
      windows) TYPES=(app-image msi) ;;
      mac) TYPES=(app-image dmg) ;;
    esac ;;
  app-image) TYPES=(app-image) ;;
  deb|rpm) [ "$OS" = linux ] || die "$TYPE is built on Linux only"; TYPES=(app-image "$TYPE") ;;
  msi|exe) [ "$OS" = windows ] || die "$TYPE is built on Windows only"; TYPES=(app-image "$TYPE") ;;
  dmg|pkg) [ "$OS" = mac ] || die "$TYPE is built on macOS only"; TYPES=(app-image "$TYPE") ;;
  -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
  *) die "unknown TYPE '$TYPE' (app-image, deb, rpm, msi, exe, dmg, pkg)" ;;
esac

# --- JDK -----------------------------------------------------------------------------------------
if [ -z "${JAVA_HOME:-}" ]; then
  javac_path=$(command -v javac) || die "no JAVA_HOME and no javac on PATH: install a JDK 17+"
  javac_path=$(readlink -f "$javac_path" 2>/dev/null || echo "$javac_path")
  JAVA_HOME=$(dirname "$(dirname "$javac_path")")
fi
export JAVA_HOME
EXE=
[ "$OS" = windows ] && EXE=.exe
for tool in jlink jpackage jdeps; do
  [ -x "$JAVA_HOME/bin/$tool$EXE" ] || die "$JAVA_HOME/bin/$tool$EXE not found: JAVA_HOME must be a full JDK 17+"
done
JLINK=$JAVA_HOME/bin/jlink$EXE
JPACKAGE=$JAVA_HOME/bin/jpackage$EXE
JDEPS=$JAVA_HOME/bin/jdeps$EXE
JDK_MAJOR=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")
[ -n "$JDK_MAJOR" ] && [ "$JDK_MAJOR" -ge 17 ] || die "JDK 17+ needed, $JAVA_HOME is '${JDK_MAJOR:-unknown}'"
if [ "$JDK_MAJOR" -ge 24 ]; then
  JAVA_OPTIONS+=(--sun-misc-unsafe-memory-access=allow)
fi
# The runtime is left uncompressed by default: measured on JDK 17, a zip-compressed runtime saves
# ~26 MB installed but makes the .deb ~12 MB bigger (xz compresses it worse) and starts slower with
# ~4 MB more resident memory. JLINK_COMPRESS=1 for the smallest installed size.
COMPRESS=()
if [ "${JLINK_COMPRESS:-0}" = 1 ]; then
  if [ "$JDK_MAJOR" -ge 21 ]; then COMPRESS=(--compress=zip-6); else COMPRESS=(--compress=2); fi
fi

START=$(date +%s)

# --- build the jars --------------------------------------------------------------------------------
VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n1)
[ -n "$VERSION" ] || die "cannot read the project <version> from pom.xml"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "mvn -B -DskipTests package"
  mvn -B -q -Dstyle.color=never -DskipTests package </dev/null
fi
APP_JAR=$NAME-$VERSION.jar
[ -f "target/$APP_JAR" ] || die "target/$APP_JAR missing: did the build run?"
[ -d target/lib ] || die "target/lib missing: did the build run?"
APP_VERSION=${APP_VERSION:-${VERSION%%-*}}   # 0.1.0-SNAPSHOT -> 0.1.0 (jpackage wants digits)

OUT=target/installer
WORK=target/installer-work
rm -rf "$OUT" "$WORK"
mkdir -p "$OUT" "$WORK/input"

# jpackage puts every jar of --input on the class path; JavaFX stays on the class path as in
# target/bin/tandem (no module path, no module-info).
cp "target/$APP_JAR" target/lib/*.jar "$WORK/input/"

# --- runtime ---------------------------------------------------------------------------------------
log "jdeps: JDK modules used by Tandem and its libraries"
# shellcheck disable=SC2086
DEPS=$("$JDEPS" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$WORK/input/$APP_JAR" $(ls "$WORK"/input/*.jar | grep -v "/$APP_JAR\$") 2>/dev/null | tail -n1) \
  || { echo "jdeps failed; using the base module list only" >&2; DEPS=; }
MODULES=$(printf '%s\n' "$BASE_MODULES,$DEPS,${EXTRA_MODULES:-}" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
echo "modules: $MODULES"

log "jlink: runtime"
# --generate-cds-archive (class data sharing: ~30% faster start) runs the new image's bin/java, so
# native commands are removed afterwards instead of with --strip-native-commands; the app launcher
# does not need them. classes_nocoops.jsa only serves heaps over 32 GB.
"$JLINK" --add-modules "$MODULES" --include-locales=en,es \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive ${COMPRESS[@]+"${COMPRESS[@]}"} \
  --output "$WORK/runtime"
if [ "$OS" = windows ]; then
  rm -f "$WORK"/runtime/bin/*.exe "$WORK"/runtime/bin/server/classes_nocoops.jsa  # bin/ holds the DLLs
else
  rm -rf "$WORK/runtime/bin"
  rm -f "$WORK"/runtime/lib/server/classes_nocoops.jsa
fi

# --- app image -------------------------------------------------------------------------------------
COMMON=(--name "$NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
  --copyright "Copyright (c) $(date +%Y) $VENDOR" --dest "$OUT")
# Per-OS jpackage resources (icons, .desktop file, deb scripts): installer/linux, installer/windows,
# installer/macos. jpackage --verbose lists the file names it would take from there.
case "$OS" in
  linux) RES=installer/linux ;;
  windows) RES=installer/windows ;;
  mac) RES=installer/macos ;;
esac
if [ -d "$RES" ]; then COMMON+=(--resource-dir "$RES"); fi

if [ "$OS" = mac ]; then
  MAC_APP_VERSION=${MAC_APP_VERSION:-$APP_VERSION}
  case "$MAC_APP_VERSION" in
    0*) die "macOS packages need a version whose first number is >= 1 (jpackage rule); run with MAC_APP_VERSION=1.0.0 (or the real release number)" ;;
  esac
  COMMON=(--name Tandem --app-version "$MAC_APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
    --copyright "Copyright (c) $(date +%Y) $VENDOR" --dest "$OUT")
  if [ -d "$RES" ]; then COMMON+=(--resource-dir "$RES"); fi
fi

JOPTS=()
for o in "${JAVA_OPTIONS[@]}"; do JOPTS+=(--java-options "$o"); done

IMAGE_ARGS=(--type app-image "${COMMON[@]}" --input "$WORK/input" --main-jar "$APP_JAR"
  --main-class "$MAIN_CLASS" --runtime-image "$WORK/runtime" "${JOPTS[@]}")
case "$OS" in
  windows)
    # tandem.exe is a GUI launcher (no console window); tandem-cli.exe is a second launcher with a
    # console, for the command line (`tandem-cli --version`, `tandem-cli demo ...`).
    printf 'win-console=true\n' > "$WORK/tandem-cli.properties"
    IMAGE_ARGS+=(--add-launcher "tandem-cli=$WORK/tandem-cli.properties") ;;
  mac) IMAGE_ARGS+=(--mac-package-identifier care.tandem --mac-package-name Tandem) ;;
esac

log "jpackage --type app-image"
"$JPACKAGE" "${IMAGE_ARGS[@]}"
case "$OS" in
  mac) IMAGE=$OUT/Tandem.app ;;
  *) IMAGE=$OUT/$NAME ;;
esac
[ -d "$IMAGE" ] || die "app image not found at $IMAGE"

# --- native package ------------------------------------------------------------------------------
for t in "${TYPES[@]}"; do
  [ "$t" = app-image ] && continue
  PKG_ARGS=(--type "$t" "${COMMON[@]}" --app-image "$IMAGE")
  case "$t" in
    deb|rpm)
      # Installs to /opt/tandem, a desktop menu entry, and /usr/bin/tandem (installer/linux/postinst).
      # JavaFX loads GTK 3 with dlopen, so jpackage's library scan misses it: name it here.
      PKG_ARGS+=(--linux-package-name "$NAME" --linux-shortcut --linux-menu-group "Office;MedicalSoftware;"
        --linux-app-category misc --linux-package-deps libgtk-3-0)
      if [ -n "${DEB_MAINTAINER:-}" ]; then PKG_ARGS+=(--linux-deb-maintainer "$DEB_MAINTAINER"); fi
      if [ -f LICENSE ]; then PKG_ARGS+=(--license-file LICENSE); fi ;;
    msi|exe)
      # Needs WiX on PATH (candle.exe/light.exe of WiX 3; JDK 22+ also accepts WiX 4/5 `wix.exe`).
      PKG_ARGS+=(--win-menu --win-menu-group Tandem --win-shortcut --win-dir-chooser
        --win-upgrade-uuid "$WIN_UPGRADE_UUID")
      if [ -f LICENSE ]; then PKG_ARGS+=(--license-file LICENSE); fi ;;
    dmg|pkg)
      # Signing/notarising: add --mac-sign --mac-signing-key-user-name "Developer ID Application: ..."
      PKG_ARGS+=(--mac-package-identifier care.tandem --mac-package-name Tandem) ;;
  esac
  log "jpackage --type $t"
  "$JPACKAGE" "${PKG_ARGS[@]}"
done

rm -rf "$WORK"
END=$(date +%s)

log "done in $((END - START)) s; output in $OUT"
du -sh "$IMAGE" | sed 's/^/app image: /'
for f in "$OUT"/*; do
  [ -f "$f" ] && ls -l "$f" | awk '{printf "package:   %s (%.1f MB)\n", $NF, $5/1048576}'
done
exit 0
