#!/usr/bin/env bash
# Deploys the sample app (stack GatehouseSample) to a real AWS account, calls every route of its
# OpenAPI document, and destroys the stack. See docs/how-we-know-it-deploys.md.
#
# Usage: scripts/deploy-smoke.sh [--plan] [--keep] [--formats LIST]
#   --plan          synthesize and print the calls the smoke test makes; needs no AWS account
#   --keep          leave the stack (and its logs) deployed after the calls (one format only)
#   --formats LIST  the RestApi Body formats to deploy, one after the other, comma-separated:
#                   OBJECT (the default format) and JSON_TEXT (the opt-in no deployment has proven
#                   yet); default OBJECT,JSON_TEXT. The last lines say which formats were proven.
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
FORMATS=OBJECT,JSON_TEXT
USAGE="usage: scripts/deploy-smoke.sh [--plan] [--keep] [--formats OBJECT,JSON_TEXT]"
while [ $# -gt 0 ]; do
  case "$1" in
    --plan) PLAN_ONLY=1 ;;
    --keep) KEEP=1 ;;
    --formats) [ $# -ge 2 ] || { echo "--formats needs a list; $USAGE" >&2; exit 2; }; FORMATS=$2; shift ;;
    *) echo "unknown option $1; $USAGE" >&2; exit 2 ;;
  esac
  shift
done

missing() { echo "deploy-smoke: $*" >&2; exit 2; }

IFS=',' read -r -a FORMAT_LIST <<< "$FORMATS"
for format in "${FORMAT_LIST[@]}"; do
  case "$format" in
    OBJECT|JSON_TEXT) ;;
    *) missing "unknown Body format '$format' in --formats; use OBJECT and/or JSON_TEXT." ;;
  esac
done
if [ "$KEEP" = 1 ] && [ "${#FORMAT_LIST[@]}" -ne 1 ]; then
  missing "--keep leaves one stack deployed: give one format, e.g. --formats OBJECT."
fi

command -v node >/dev/null || missing "Node.js is not installed."
[ -d node_modules/aws-cdk ] || npm ci --no-audit --no-fund

CONTEXT=()
[ -n "${GATEHOUSE_SMOKE_ISSUER:-}" ] && CONTEXT+=(-c "gatehouse:sampleIssuer=$GATEHOUSE_SMOKE_ISSUER")
[ -n "${GATEHOUSE_SMOKE_AUDIENCE:-}" ] && CONTEXT+=(-c "gatehouse:sampleAudience=$GATEHOUSE_SMOKE_AUDIENCE")
if [ -n "${GATEHOUSE_SMOKE_TOKEN:-}" ] && [ -z "${GATEHOUSE_SMOKE_ISSUER:-}" ]; then
  missing "GATEHOUSE_SMOKE_TOKEN needs GATEHOUSE_SMOKE_ISSUER (the sample's default issuer is not a real one)."
fi
DOCUMENT="cdk.out/$STACK.openapi.json"
PLAN_ARGS=()
[ -n "${GATEHOUSE_SMOKE_TOKEN:-}" ] && PLAN_ARGS+=(--bearer)

# synthesize FORMAT: the sample with its RestApi Body in FORMAT (CDK context gatehouse:sampleBodyFormat)
synthesize() {
  echo "== synthesizing $STACK (Body format $1)"
  rm -rf cdk.out
  npx cdk synth --quiet ${CONTEXT[@]+"${CONTEXT[@]}"} -c "gatehouse:sampleBodyFormat=$1" "$STACK" >/dev/null
  PLAN=$(node scripts/smoke-plan.mjs ${PLAN_ARGS[@]+"${PLAN_ARGS[@]}"} "$DOCUMENT")
}

if [ "$PLAN_ONLY" = 1 ]; then
  synthesize "${FORMAT_LIST[0]}"
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
# destroy: deletes the stack and the log groups it retains on deletion (also after a failed,
# rolled-back creation)
destroy() {
  local log_groups status=0
  log_groups=$(aws cloudformation describe-stack-resources --stack-name "$STACK" \
    --query "StackResources[?ResourceType=='AWS::Logs::LogGroup'].PhysicalResourceId" --output text 2>/dev/null || true)
  echo "== destroying $STACK"
  npx cdk destroy --app cdk.out "$STACK" --force || status=1
  if [ -n "$log_groups" ] && [ "$log_groups" != None ] && [ "${GATEHOUSE_SMOKE_KEEP_LOGS:-0}" != 1 ]; then
    for group in $log_groups; do
      echo "deleting retained log group $group"
      aws logs delete-log-group --log-group-name "$group" || true
    done
  fi
  return "$status"
}

DEPLOYED=0
on_exit() {
  status=$?
  if [ "$DEPLOYED" = 1 ]; then
    if [ "$KEEP" = 1 ]; then
      echo "== --keep: $STACK stays deployed; remove it with: npx cdk destroy $STACK --force"
    else
      destroy || status=1
    fi
  fi
  exit "$status"
}
trap on_exit EXIT

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

# smoke FORMAT: synthesizes the sample with its Body in FORMAT, deploys it, calls every route of
# its document and destroys it (unless --keep); fails when deploying fails or a call did not answer
# as expected.
smoke() {
  local format=$1 outputs url key_id failures=0 method path credentials expect note got result attempt
  synthesize "$format" || return 1
  echo "== deploying $STACK (Body format $format) to $REGION as $identity"
  DEPLOYED=1
  # Deploy the assembly synthesized above: the calls were planned from its document.
  outputs=$(mktemp -d)/outputs.json
  npx cdk deploy --app cdk.out "$STACK" --require-approval never --outputs-file "$outputs" || return 1
  url=$(node -e '
    const outputs = require(process.argv[1])[process.argv[2]] || {};
    const key = Object.keys(outputs).find((k) => k.startsWith("ApiUrl"));
    if (!key) { console.error("no ApiUrl output in " + process.argv[1]); process.exit(1); }
    console.log(outputs[key].replace(/\/$/, ""));
  ' "$outputs" "$STACK") || return 1
  API_KEY=""
  for key_id in $(aws cloudformation describe-stack-resources --stack-name "$STACK" \
      --query "StackResources[?ResourceType=='AWS::ApiGateway::ApiKey'].PhysicalResourceId" --output text); do
    API_KEY=$(aws apigateway get-api-key --api-key "$key_id" --include-value --query value --output text)
    break
  done
  echo "== calling $url"
  printf '%-8s %-32s %-14s %-8s %-4s %s\n' METHOD PATH CREDENTIALS EXPECT GOT RESULT
  while IFS=$'\t' read -r method path credentials expect note; do
    if [[ "$credentials" == *api-key* ]] && [ -z "$API_KEY" ]; then
      printf '%-8s %-32s %-14s %-8s %-4s %s\n' "$method" "$path" "$credentials" "$expect" "-" "skipped: the stack has no API key"
      continue
    fi
    # A new deployment, usage plan or cold function can take a moment: retry before judging.
    for attempt in 1 2 3 4 5 6; do
      got=$(call "$method" "$url$path" "$credentials")
      matches "$expect" "$got" && break
      sleep 10
    done
    if matches "$expect" "$got"; then result=ok; else result="FAIL ($note)"; failures=$((failures + 1)); fi
    printf '%-8s %-32s %-14s %-8s %-4s %s\n' "$method" "$path" "$credentials" "$expect" "$got" "$result"
  done <<< "$PLAN"
  if [ "$KEEP" != 1 ]; then
    destroy || failures=$((failures + 1))
    DEPLOYED=0
  fi
  if [ "$failures" -gt 0 ]; then
    echo "deploy-smoke: Body format $format: $failures call(s) did not answer as expected" >&2
    return 1
  fi
}

PROVEN=()
FAILED=()
for format in "${FORMAT_LIST[@]}"; do
  if smoke "$format"; then PROVEN+=("$format"); else FAILED+=("$format"); fi
  # a failed deployment may have left the stack: remove it before the next format
  if [ "$DEPLOYED" = 1 ] && [ "$KEEP" != 1 ]; then destroy || true; DEPLOYED=0; fi
done
echo "deploy-smoke: Body formats proven by this deployment: ${PROVEN[*]:-none}"
if [ "${#FAILED[@]}" -gt 0 ]; then
  echo "deploy-smoke: Body formats that failed: ${FAILED[*]}" >&2
  exit 1
fi
echo "deploy-smoke: every call answered as expected"
