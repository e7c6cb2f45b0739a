#!/usr/bin/env bash
# Deploys the sample app (stack GatehouseSample) to a real AWS account, calls every route of its
# OpenAPI document, and destroys the stack. See docs/how-we-know-it-deploys.md.
#
# Usage: scripts/deploy-smoke.sh [--plan] [--keep]
#   --plan   synthesize and print the calls the smoke test makes; needs no AWS account
#   --keep   leave the stack (and its logs) deployed after the calls
#
# Needs: AWS credentials (environment variables or AWS_PROFILE) allowed to deploy CDK stacks and to
# call execute-api:Invoke, a bootstrapped environment (`npx cdk bootstrap`), the AWS CLI v2,
# curl 7.75 or newer (--aws-sigv4), Node.js and a JDK. The Region comes from AWS_REGION,
# AWS_DEFAULT_REGION or the profile.
# Environment: GATEHOUSE_SMOKE_KEEP_LOGS=1 keeps the log groups the stack retains on deletion
# (deleted by default: they are the smoke test's own). To also call the routes behind the JWT
# authorizer with a token, deploy the sample against your own issuer and give a token it issued:
#   GATEHOUSE_SMOKE_ISSUER=https://your-issuer/ GATEHOUSE_SMOKE_AUDIENCE=your-audience \
#   GATEHOUSE_SMOKE_TOKEN=eyJ... scripts/deploy-smoke.sh
# (the token needs the scopes orders:read, orders:write and catalog:read; the issuer's keys at
# <issuer>/.well-known/jwks.json).
# Exit status: 0 every call answered as expected; 1 a call did not, or deploying failed;
# 2 a prerequisite is missing (nothing was deployed).
set -euo pipefail
cd "$(dirname "$0")/.."

STACK=GatehouseSample
PLAN_ONLY=0
KEEP=0
for arg in "$@"; do
  case "$arg" in
    --plan) PLAN_ONLY=1 ;;
    --keep) KEEP=1 ;;
    *) echo "unknown option $arg; usage: scripts/deploy-smoke.sh [--plan] [--keep]" >&2; exit 2 ;;
  esac
done

missing() { echo "deploy-smoke: $*" >&2; exit 2; }

command -v node >/dev/null || missing "Node.js is not installed."
[ -d node_modules/aws-cdk ] || npm ci --no-audit --no-fund

echo "== synthesizing $STACK"
rm -rf cdk.out
CONTEXT=()
[ -n "${GATEHOUSE_SMOKE_ISSUER:-}" ] && CONTEXT+=(-c "gatehouse:sampleIssuer=$GATEHOUSE_SMOKE_ISSUER")
[ -n "${GATEHOUSE_SMOKE_AUDIENCE:-}" ] && CONTEXT+=(-c "gatehouse:sampleAudience=$GATEHOUSE_SMOKE_AUDIENCE")
if [ -n "${GATEHOUSE_SMOKE_TOKEN:-}" ] && [ -z "${GATEHOUSE_SMOKE_ISSUER:-}" ]; then
  missing "GATEHOUSE_SMOKE_TOKEN needs GATEHOUSE_SMOKE_ISSUER (the sample's default issuer is not a real one)."
fi
npx cdk synth --quiet ${CONTEXT[@]+"${CONTEXT[@]}"} "$STACK" >/dev/null
DOCUMENT="cdk.out/$STACK.openapi.json"
PLAN_ARGS=()
[ -n "${GATEHOUSE_SMOKE_TOKEN:-}" ] && PLAN_ARGS+=(--bearer)
PLAN=$(node scripts/smoke-plan.mjs ${PLAN_ARGS[@]+"${PLAN_ARGS[@]}"} "$DOCUMENT")
if [ "$PLAN_ONLY" = 1 ]; then
  printf 'METHOD\tPATH\tCREDENTIALS\tEXPECT\tNOTE\n%s\n' "$PLAN"
  exit 0
fi

command -v aws >/dev/null || missing "the AWS CLI v2 is not installed (it reads credentials, stack outputs and API keys)."
curl_version=$(curl --version | head -1 | awk '{print $2}')
if [ "$(printf '%s\n7.75.0\n' "$curl_version" | sort -V | head -1)" != "7.75.0" ]; then
  missing "curl $curl_version cannot sign requests; 7.75.0 or newer is needed (--aws-sigv4)."
fi
if ! identity=$(aws sts get-caller-identity --query Arn --output text 2>/dev/null); then
  missing "no usable AWS credentials (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)."
fi
REGION=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}
[ -n "$REGION" ] || missing "no Region: set AWS_REGION."
export AWS_REGION=$REGION AWS_DEFAULT_REGION=$REGION
# curl signs with plain keys: take them from whatever the CLI resolved (profile, SSO, role).
if [ -z "${AWS_ACCESS_KEY_ID:-}" ]; then
  eval "$(aws configure export-credentials --format env)"
fi
# The smoke test destroys what it deployed: never take over a stack that was there before.
if aws cloudformation describe-stacks --stack-name "$STACK" >/dev/null 2>&1; then
  missing "a stack named $STACK already exists in $REGION; the smoke test deploys and destroys its own. Delete it, or use another Region or account."
fi
echo "== deploying $STACK to $REGION as $identity"

cleanup() {
  status=$?
  if [ "$KEEP" = 1 ]; then
    echo "== --keep: $STACK stays deployed; remove it with: npx cdk destroy $STACK --force"
    exit "$status"
  fi
  # The log groups the stack retains on deletion (also after a failed, rolled-back creation).
  LOG_GROUPS=$(aws cloudformation describe-stack-resources --stack-name "$STACK" \
    --query "StackResources[?ResourceType=='AWS::Logs::LogGroup'].PhysicalResourceId" --output text 2>/dev/null || true)
  echo "== destroying $STACK"
  npx cdk destroy --app cdk.out "$STACK" --force || status=1
  if [ -n "$LOG_GROUPS" ] && [ "$LOG_GROUPS" != None ] && [ "${GATEHOUSE_SMOKE_KEEP_LOGS:-0}" != 1 ]; then
    for group in $LOG_GROUPS; do
      echo "deleting retained log group $group"
      aws logs delete-log-group --log-group-name "$group" || true
    done
  fi
  exit "$status"
}
trap cleanup EXIT

# Deploy the assembly synthesized above: the calls were planned from its document.
OUTPUTS=$(mktemp -d)/outputs.json
npx cdk deploy --app cdk.out "$STACK" --require-approval never --outputs-file "$OUTPUTS"
URL=$(node -e '
  const outputs = require(process.argv[1])[process.argv[2]] || {};
  const key = Object.keys(outputs).find((k) => k.startsWith("ApiUrl"));
  if (!key) { console.error("no ApiUrl output in " + process.argv[1]); process.exit(1); }
  console.log(outputs[key].replace(/\/$/, ""));
' "$OUTPUTS" "$STACK")
API_KEY=""
for key_id in $(aws cloudformation describe-stack-resources --stack-name "$STACK" \
    --query "StackResources[?ResourceType=='AWS::ApiGateway::ApiKey'].PhysicalResourceId" --output text); do
  API_KEY=$(aws apigateway get-api-key --api-key "$key_id" --include-value --query value --output text)
  break
done
echo "== calling $URL"

# call METHOD URL CREDENTIALS -> prints the HTTP status
call() {
  local method=$1 url=$2 credentials=$3
  local args=(-s -o /dev/null -w '%{http_code}' -X "$method" --max-time 30)
  case "$method" in
    POST|PUT|PATCH) args+=(-H 'Content-Type: application/json' --data '{}') ;;
    OPTIONS) args+=(-H 'Origin: https://smoke.example.com' -H 'Access-Control-Request-Method: GET') ;;
  esac
  if [[ "$credentials" == *sigv4* ]]; then
    args+=(--aws-sigv4 "aws:amz:$REGION:execute-api" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY")
    [ -n "${AWS_SESSION_TOKEN:-}" ] && args+=(-H "x-amz-security-token: $AWS_SESSION_TOKEN")
  fi
  if [[ "$credentials" == *api-key* ]]; then
    args+=(-H "x-api-key: $API_KEY")
  fi
  if [[ "$credentials" == *bearer* ]]; then
    args+=(-H "Authorization: Bearer $GATEHOUSE_SMOKE_TOKEN")
  fi
  local code
  code=$(curl "${args[@]}" "$url") || true
  echo "${code:-000}"
}

matches() {
  local expect=$1 got=$2
  case "$expect" in
    denied) [ "$got" = 401 ] || [ "$got" = 403 ] ;;
    reached) [ "$got" != 401 ] && [ "$got" != 403 ] && [ "$got" != 000 ] ;;
    2xx) [[ "$got" == 2?? ]] ;;
    *) [ "$got" = "$expect" ] ;;
  esac
}

failures=0
printf '%-8s %-32s %-14s %-8s %-4s %s\n' METHOD PATH CREDENTIALS EXPECT GOT RESULT
while IFS=$'\t' read -r method path credentials expect note; do
  if [[ "$credentials" == *api-key* ]] && [ -z "$API_KEY" ]; then
    printf '%-8s %-32s %-14s %-8s %-4s %s\n' "$method" "$path" "$credentials" "$expect" "-" "skipped: the stack has no API key"
    continue
  fi
  # A new deployment, usage plan or cold function can take a moment: retry before judging.
  for attempt in 1 2 3 4 5 6; do
    got=$(call "$method" "$URL$path" "$credentials")
    matches "$expect" "$got" && break
    sleep 10
  done
  if matches "$expect" "$got"; then result=ok; else result="FAIL ($note)"; failures=$((failures + 1)); fi
  printf '%-8s %-32s %-14s %-8s %-4s %s\n' "$method" "$path" "$credentials" "$expect" "$got" "$result"
done <<< "$PLAN"

if [ "$failures" -gt 0 ]; then
  echo "deploy-smoke: $failures call(s) did not answer as expected" >&2
  exit 1
fi
echo "deploy-smoke: every call answered as expected"
