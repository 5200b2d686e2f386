#!/usr/bin/env bash
# The main branch: gate, register the new schema versions (dry run first), then publish the jars.
# Registration comes before publishing, so no published jar holds a contract the registry lacks.
# A rerun after a failure at any step finishes the job: the gate then finds the registry holding
# what an earlier run registered (accepted breaks read as spent: warnings), registration changes
# nothing, and the jars are deployed; a repository that refuses to redeploy a release version that
# an earlier run already deployed fails the last step, with the registry already complete.
#
# Variables:
#   CONTRACTS_REGISTRY_URL        (required) the registry, e.g. https://registry.example.com
#   CONTRACTS_REGISTRY_USER_INFO  user:password for it (a CI secret), or
#   CONTRACTS_REGISTRY_TOKEN      a bearer token (a CI secret)
#   MAVEN_REPOSITORY_URL          (required) where the jars go, e.g. https://repo.example.com/snapshots
#   MAVEN_REPOSITORY_ID           the <server> id in settings.xml holding its credentials (default: contracts)
#   MAVEN_CLI_OPTS                extra Maven options, e.g. -s ci-settings.xml
#   CONTRACTS_MODULE              the module whose contracts are registered; default: schemas where
#                                 schemas/pom.xml exists, else the root project (one-module repositories)
#   CONTRACTS_KAFKA_BOOTSTRAP_SERVERS  the Kafka cluster whose topics the catalogue drives: after registration,
#                                 the topics are applied (topics-apply: create, add partitions, set configs;
#                                 never delete). Client properties as CONTRACTS_KAFKA_<NAME> (e.g.
#                                 CONTRACTS_KAFKA_SECURITY_PROTOCOL, CONTRACTS_KAFKA_SASL_JAAS_CONFIG, a secret).
#                                 Unset: topics are left to others.
#   CONTRACTS_VERSION             the version to publish; default: the tag on HEAD (v1.4.0 -> 1.4.0),
#                                 else the pom's major.minor with the CI's build number as the patch
#                                 (CONTRACTS_BUILD_NUMBER, or GITHUB_RUN_NUMBER, CI_PIPELINE_IID,
#                                 BUILD_NUMBER: 0.1.57). Each publish is a release of its own.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${CONTRACTS_REGISTRY_URL:?set CONTRACTS_REGISTRY_URL to the schema registry}"
: "${MAVEN_REPOSITORY_URL:?set MAVEN_REPOSITORY_URL to the Maven repository to publish to}"
repository_id="${MAVEN_REPOSITORY_ID:-contracts}"
export CONTRACTS_REGISTRY_URL

version="${CONTRACTS_VERSION:-}"
if [ -z "${version}" ]; then
  tag="$(git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null || true)"
  build="${CONTRACTS_BUILD_NUMBER:-${GITHUB_RUN_NUMBER:-${CI_PIPELINE_IID:-${BUILD_NUMBER:-}}}}"
  if [ -n "${tag}" ]; then
    version="${tag#v}"
  elif [ -n "${build}" ]; then
    # The <revision> property of the root pom, e.g. 0.1.0-SNAPSHOT: its major.minor.
    base="$(grep -m 1 '<revision>' pom.xml | sed -n 's:.*<revision>\([0-9][0-9]*\.[0-9][0-9]*\)\..*</revision>.*:\1:p')"
    version="${base:?no <revision>major.minor... in pom.xml}.${build}"
  else
    echo "no version to publish: set CONTRACTS_VERSION, tag the commit (v1.4.0), or run where the CI numbers its builds" >&2
    exit 2
  fi
fi

# shellcheck disable=SC2086
mvn() { command mvn -B ${MAVEN_CLI_OPTS:-} "-Drevision=${version}" "$@"; }
module="${CONTRACTS_MODULE:-}"
if [ -z "${module}" ] && [ -f schemas/pom.xml ]; then
  module=schemas
fi
contracts=()
if [ -n "${module}" ]; then
  contracts=(-pl "${module}")
fi

echo "== version ${version}"
echo "== gate and build"
mvn -DskipTests install
echo "== registration, dry run"
mvn ${contracts[@]+"${contracts[@]}"} contracts:register -Dcontracts.dryRun=true
echo "== registration"
mvn ${contracts[@]+"${contracts[@]}"} contracts:register
if [ -n "${CONTRACTS_KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  echo "== topics"
  mvn ${contracts[@]+"${contracts[@]}"} contracts:topics-apply
fi
echo "== publishing to ${MAVEN_REPOSITORY_URL}"
# The gate judged before registration; judging again here would judge the versions and levels that
# registration itself just wrote (a break accepted for this very change would then read as spent).
mvn -DskipTests -Dcontracts.check.skip=true deploy "-DaltDeploymentRepository=${repository_id}::${MAVEN_REPOSITORY_URL}"
