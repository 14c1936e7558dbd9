#!/usr/bin/env bash
# Creates the files the compose stack mounts as secrets: the pseudonymisation key, the checkpoint signing key (and
# its public half for watchdogs to pin) and the PostgreSQL password. Refuses to replace a file that exists: a new
# pseudonymisation key would split every enrollee's history, a new signing key would break every watchdog's pin.
#
#   docker/generate-secrets.sh ORIGIN [DIR]
#
# ORIGIN is the log's name in its checkpoints (ledger.checkpoint.origin), such as ledger.example.org/disclosures.
# DIR defaults to docker/secrets. Needs openssl (Ed25519), sha256sum and base64.
set -euo pipefail

die() {
  echo "generate-secrets: $*" >&2
  exit 1
}

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: generate-secrets.sh ORIGIN [DIR]"
origin=$1
dir=${2:-"$(cd "$(dirname "$0")" && pwd)/secrets"}

# Go's note format: a key name is non-empty and holds neither white space nor '+'.
[ -n "$origin" ] || die "the origin is empty; give the log's name, such as ledger.example.org/disclosures"
case "$origin" in
  *[[:space:]+]*) die "the origin '$origin' holds white space or '+', which a signed note's key name cannot" ;;
esac
command -v openssl >/dev/null || die "openssl is not installed (it makes the Ed25519 key)"

files=(pseudonym.key checkpoint-signer.key checkpoint-verifier.key postgres-password)
for file in "${files[@]}"; do
  [ ! -e "$dir/$file" ] || die "$dir/$file exists; it is never replaced (move it away first to start a new ledger)"
done

umask 077
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

openssl genpkey -algorithm ed25519 -out "$work/key.pem" 2>/dev/null
# The DER forms end with the raw 32-byte seed (PKCS#8) and the raw 32-byte public key (SubjectPublicKeyInfo).
openssl pkey -in "$work/key.pem" -outform DER | tail -c 32 >"$work/seed"
openssl pkey -in "$work/key.pem" -pubout -outform DER | tail -c 32 >"$work/public"
[ "$(wc -c <"$work/seed")" -eq 32 ] && [ "$(wc -c <"$work/public")" -eq 32 ] \
  || die "openssl did not produce a 32-byte Ed25519 key"

# Key id: the first 4 bytes of SHA-256(name || '\n' || 0x01 || public key), as Go's note package computes it.
key_id=$({ printf '%s\n\001' "$origin"; cat "$work/public"; } | sha256sum | cut -c1-8)
seed64=$({ printf '\001'; cat "$work/seed"; } | base64 -w0)
public64=$({ printf '\001'; cat "$work/public"; } | base64 -w0)

printf 'PRIVATE+KEY+%s+%s+%s\n' "$origin" "$key_id" "$seed64" >"$dir/checkpoint-signer.key"
printf '%s+%s+%s\n' "$origin" "$key_id" "$public64" >"$dir/checkpoint-verifier.key"
head -c 32 /dev/urandom | base64 -w0 >"$dir/pseudonym.key"
echo >>"$dir/pseudonym.key"
# Letters and digits only, so that it survives any connection string or shell it passes through.
head -c 64 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 32 >"$dir/postgres-password"
# The folder keeps other users of the host out; the files themselves must be readable by the containers' non-root
# users, which see them through bind mounts with the host's owner and mode.
chmod 700 "$dir"
chmod 444 "${files[@]/#/$dir/}"

echo "Wrote ${files[*]} to $dir for origin $origin"
echo "Watchdogs pin: $(cat "$dir/checkpoint-verifier.key")"
