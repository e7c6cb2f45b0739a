#!/usr/bin/env bash
# A newcomer's first hour, automated: builds the project docs/own-app.md describes, from that page
# alone, in an empty folder outside this repository, against the Gatehouse artifacts of this
# checkout (installed into the local Maven repository first): its tests (CDK assertions, snapshot,
# offline deploy checks), then `cdk synth` with the pinned CDK CLI. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d)
PROJECT=$WORK/orders-api
trap 'rm -rf "$WORK"' EXIT

echo "== installing this checkout's artifacts into the local Maven repository"
./mvnw -B -q install -DskipTests -pl constructs,checks -am

echo "== writing the project of docs/own-app.md into $PROJECT"
node scripts/own-app-files.mjs docs/own-app.md "$PROJECT"
# The page uses the mvn command; this machine may only have the repository's Maven wrapper.
cp -r .mvn mvnw "$PROJECT/"
mkdir -p "$WORK/bin"
printf '#!/usr/bin/env bash\nexec "%s/mvnw" "$@"\n' "$PROJECT" > "$WORK/bin/mvn"
chmod +x "$WORK/bin/mvn"
export PATH="$WORK/bin:$PATH"

echo "== mvn test (in the new project)"
(cd "$PROJECT" && mvn -B -q test)
test -s "$PROJECT/src/test/resources/OrdersApi.template.json"

echo "== cdk synth (in the new project, with the pinned CDK CLI)"
(cd "$PROJECT" && "$ROOT/node_modules/.bin/cdk" synth --quiet)
test -s "$PROJECT/cdk.out/OrdersApi.template.json"
echo "own-app check passed"
