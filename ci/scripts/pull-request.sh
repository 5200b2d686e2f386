#!/usr/bin/env bash
# Pull requests: build, generate, and gate every contract change on compatibility.
#
# Variables (all optional):
#   CONTRACTS_AGAINST             the git commit or ref to compare with: the pull request's base, e.g.
#                                 GitLab's $CI_MERGE_REQUEST_DIFF_BASE_SHA (default: the merge-base of HEAD
#                                 with origin/HEAD, origin/main, main, origin/master or master, whichever
#                                 exists first; a checkout without any of them compares with HEAD's parent)
#   CONTRACTS_REGISTRY_URL        also check against this registry, beside the git history (never instead of
#                                 it: the history and the topic rules come from git, what registration will
#                                 meet comes from the registry)
#   CONTRACTS_REGISTRY_USER_INFO  user:password for it: a read-only user; the pull request never needs the
#                                 publish job's write credentials
#   CONTRACTS_REGISTRY_TOKEN      or a read-only bearer token
#   CONTRACTS_KAFKA_BOOTSTRAP_SERVERS  plan the catalogue's topics against this cluster (read-only): the plan
#                                 prints, and target/contracts/topics-plan.md is ready to post as a comment;
#                                 a refused change (fewer partitions, another replication...) fails the run.
#                                 Client properties as CONTRACTS_KAFKA_<NAME>.
#   CONTRACTS_MODULE              the module holding the contracts (as for publish.sh)
#   MAVEN_CLI_OPTS                extra Maven options, e.g. -Dmaven.repo.local=.m2/repository
# On GitHub Actions (GITHUB_ACTIONS=true) violations also become annotations on the pull request.
# The git baseline needs history: check out with fetch-depth 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
against=()
if [ -n "${CONTRACTS_AGAINST:-}" ]; then
  against=("-Dcontracts.against=${CONTRACTS_AGAINST}")
fi
if [ -n "${CONTRACTS_REGISTRY_URL:-}" ]; then
  # Both judge: the registry alone would drop the git history and the topic rules without a word.
  against+=("-Dcontracts.baseline=git,registry")
fi
# ${against[@]+...}: an empty array is fine under set -u on every bash, 3.2 included.
# shellcheck disable=SC2086
mvn -B ${MAVEN_CLI_OPTS:-} ${against[@]+"${against[@]}"} verify
if [ -n "${CONTRACTS_KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  # In the contracts module, after the gate passed. Chosen as publish.sh chooses it, written out here
  # again so that each script stands alone when a team copies only the one it needs.
  module="${CONTRACTS_MODULE:-}"
  if [ -z "${module}" ] && [ -f schemas/pom.xml ]; then
    module=schemas
  fi
  contracts=()
  if [ -n "${module}" ]; then
    contracts=(-pl "${module}")
  fi
  echo "== topics plan"
  # shellcheck disable=SC2086
  mvn -B ${MAVEN_CLI_OPTS:-} ${contracts[@]+"${contracts[@]}"} contracts:topics-plan
fi
