#!/usr/bin/env bash
# Pull requests: build, generate, and gate every contract change on compatibility.
#
# Variables (all optional):
#   CONTRACTS_REGISTRY_URL        check against this registry instead of the git history
#   CONTRACTS_REGISTRY_USER_INFO  user:password for it (a CI secret)
#   CONTRACTS_REGISTRY_TOKEN      or a bearer token (a CI secret)
#   MAVEN_CLI_OPTS                extra Maven options, e.g. -Dmaven.repo.local=.m2/repository
# On GitHub Actions (GITHUB_ACTIONS=true) violations also become annotations on the pull request.
# The git baseline needs history: check out with fetch-depth 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck disable=SC2086
mvn -B ${MAVEN_CLI_OPTS:-} verify
