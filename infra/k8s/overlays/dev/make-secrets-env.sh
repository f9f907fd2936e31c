#!/bin/sh
# Writes secrets.env for the DEV overlay (beside this script; git-ignored) with
# fresh random values: the in-cluster Postgres password, the database URLs that
# use it, SUBGRAPH_SECRET and JWT_SECRET. Keys as in secrets.env.example.
# Refuses to overwrite an existing file: delete it first to rotate everything
# (the dev Postgres keeps no data across pod restarts, so that is safe).
# A new subgraph service adds its name to SERVICES.
set -eu
SERVICES='enterprises cadres issues policies evaluations'

cd "$(dirname "$0")"
if [ -e secrets.env ]; then
  echo "secrets.env already exists in $(pwd); delete it to make new values" >&2
  exit 1
fi
command -v openssl >/dev/null || { echo 'needs openssl' >&2; exit 1; }

password=$(openssl rand -hex 24)
umask 077
{
  echo "POSTGRES_PASSWORD=$password"
  echo "SUBGRAPH_SECRET=$(openssl rand -base64 48 | tr -d '\n')"
  echo "JWT_SECRET=$(openssl rand -base64 48 | tr -d '\n')"
  for service in $SERVICES; do
    echo "$(echo "$service" | tr 'a-z-' 'A-Z_')_DATABASE_URL=postgres://sfw:$password@postgres:5432/$service"
  done
} >secrets.env
echo "wrote $(pwd)/secrets.env"
