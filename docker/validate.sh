#!/usr/bin/env bash
# Checks what can be checked of the container files without a Docker engine:
#   1. the compose file parses and is valid (services, volumes, secrets, depends_on) for Compose itself;
#   2. every Dockerfile's base images are pinned by version (a tag with a version number, or a digest).
# The rest (every environment variable of the ledger service is a property the application reads, secrets are files,
# the README's variable table) is LedgerEnvironmentTest, part of `./mvnw verify`.
#
#   docker/validate.sh [DIR]      checks DIR/compose.yaml and DIR/*Dockerfile (DIR defaults to docker/)
#   docker/validate.sh --self-test   shows that each check rejects a deliberately broken copy of the files
#
# Needs `docker compose` (the plugin) or Debian's `docker-compose`; neither talks to an engine for `config`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

compose_tool() {
  if docker compose version >/dev/null 2>&1; then
    echo "docker compose"
  elif command -v docker-compose >/dev/null; then
    echo "docker-compose"
  else
    echo "validate: neither 'docker compose' nor 'docker-compose' is installed (apt-get install docker-compose)" >&2
    return 1
  fi
}

check_compose() {
  local dir=$1 tool output
  tool=$(compose_tool)
  # The compose file requires the origin and the identity provider from docker/.env; any well-formed values do for
  # checking the file.
  if ! output=$(cd "$dir" && LEDGER_CHECKPOINT_ORIGIN=validate.invalid/ledger \
      IDENTITY_PROVIDER_ISSUER_URI=https://idp.validate.invalid $tool -f compose.yaml config -q 2>&1); then
    echo "validate: $dir/compose.yaml is not a valid compose file: $(echo "$output" | tr '\n' ' ')" >&2
    return 1
  fi
  echo "validate: $dir/compose.yaml is a valid compose file ($tool config)"
}

# A base image is pinned when it names a digest, or a tag holding a version number (17.0.15_6-jre-noble, 4.1.2);
# 'latest', no tag, or a bare major version such as '17-jre' would change under the same file.
check_pins() {
  local dir=$1 failed=0 found=0 file line image stages
  for file in "$dir"/Dockerfile "$dir"/*.Dockerfile; do
    [ -f "$file" ] || continue
    found=1
    stages=" "
    while IFS= read -r line; do
      read -r -a words <<<"$line"
      image=""
      for word in "${words[@]:1}"; do
        case "$word" in --*) ;; *) image=$word; break ;; esac
      done
      if [[ "$stages" == *" $image "* ]]; then
        continue # FROM an earlier stage of the same file
      fi
      if [ "${#words[@]}" -ge 4 ] && [ "${words[-2],,}" = "as" ]; then
        stages+="${words[-1]} "
      fi
      if [[ "$image" == *@sha256:* ]]; then
        continue
      fi
      if [[ ! "$image" =~ :[^/:]*[0-9]+\.[0-9]+ ]]; then
        echo "validate: $file: base image '$image' is not pinned by version (name a tag such as 17.0.15_6-jre-noble, or a digest)" >&2
        failed=1
      fi
    done < <(grep -iE '^[[:space:]]*FROM[[:space:]]' "$file")
  done
  if [ "$found" -eq 0 ]; then
    echo "validate: no Dockerfile in $dir" >&2
    return 1
  fi
  [ "$failed" -eq 0 ] || return 1
  echo "validate: every base image in $dir is pinned by version"
}

validate() {
  local dir=$1 status=0
  check_compose "$dir" || status=1
  check_pins "$dir" || status=1
  return "$status"
}

# Each case breaks a copy of the real files in one way; validate must reject every one, and accept the unbroken copy.
self_test() {
  local work failures=0 name
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  copy() {
    rm -rf "$work/case"
    mkdir "$work/case"
    cp "$here/compose.yaml" "$here"/*.Dockerfile "$work/case/"
  }
  expect() { # expect accepted|rejected NAME [a piece of the error message that says why]
    local outcome
    if validate "$work/case" >/dev/null 2>"$work/err"; then outcome=accepted; else outcome=rejected; fi
    if [ "$outcome" = "$1" ] && { [ $# -lt 3 ] || grep -qF -- "$3" "$work/err"; }; then
      echo "self-test: ok, $2: $outcome${3:+ ($(head -n 1 "$work/err" | cut -c1-200))}"
    else
      echo "self-test: FAILED, $2: $outcome, expected $1${3:+ saying '$3'}:" >&2
      cat "$work/err" >&2
      failures=$((failures + 1))
    fi
  }
  copy
  expect accepted "the unbroken files"

  copy
  printf 'services:\n  ledger: [\n' >"$work/case/compose.yaml"
  expect rejected "a compose file that is not YAML" "is not a valid compose file"

  copy
  sed -i 's/^    restart: unless-stopped$/    restrat: unless-stopped/' "$work/case/compose.yaml"
  expect rejected "a misspelt service option" "Unsupported config option"

  copy
  sed -i 's/^  kafka-data:$/  kafka-dat:/' "$work/case/compose.yaml"
  expect rejected "a named volume used but not declared" "no declaration was found"

  copy
  sed -i 's/condition: service_healthy/condition: service_up/' "$work/case/compose.yaml"
  expect rejected "an unknown depends_on condition" "service_up"

  copy
  sed -i 's/^      postgres:$/      postgress:/' "$work/case/compose.yaml"
  expect rejected "a dependency on a service that does not exist" "postgress"

  for name in eclipse-temurin eclipse-temurin:latest eclipse-temurin:17-jre-noble; do
    copy
    sed -i -E "0,/^FROM [^ ]+/s//FROM $name/" "$work/case/ledger.Dockerfile"
    expect rejected "a Dockerfile FROM $name" "base image '$name' is not pinned by version"
  done

  if [ "$failures" -ne 0 ]; then
    echo "self-test: $failures case(s) failed" >&2
    return 1
  fi
  echo "self-test: every broken copy was rejected"
}

if [ "${1:-}" = "--self-test" ]; then
  self_test
else
  validate "${1:-$here}"
fi
