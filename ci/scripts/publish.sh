#!/usr/bin/env bash
# The main branch: gate, register the new schema versions (dry run first), then publish the jars.
# Registration comes before publishing, so no published jar holds a contract the registry lacks.
#
# Variables:
#   CONTRACTS_REGISTRY_URL        (required) the registry, e.g. https://registry.example.com
#   CONTRACTS_REGISTRY_USER_INFO  user:password for it (a CI secret), or
#   CONTRACTS_REGISTRY_TOKEN      a bearer token (a CI secret)
#   MAVEN_REPOSITORY_URL          (required) where the jars go, e.g. https://repo.example.com/snapshots
#   MAVEN_REPOSITORY_ID           the <server> id in settings.xml holding its credentials (default: contracts)
#   MAVEN_CLI_OPTS                extra Maven options, e.g. -s ci-settings.xml
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${CONTRACTS_REGISTRY_URL:?set CONTRACTS_REGISTRY_URL to the schema registry}"
: "${MAVEN_REPOSITORY_URL:?set MAVEN_REPOSITORY_URL to the Maven repository to publish to}"
repository_id="${MAVEN_REPOSITORY_ID:-contracts}"
export CONTRACTS_REGISTRY_URL

# shellcheck disable=SC2086
mvn() { command mvn -B ${MAVEN_CLI_OPTS:-} "$@"; }

echo "== gate and build"
mvn -DskipTests install
echo "== registration, dry run"
mvn -pl schemas contracts:register -Dcontracts.dryRun=true
echo "== registration"
mvn -pl schemas contracts:register
echo "== publishing to ${MAVEN_REPOSITORY_URL}"
mvn -DskipTests deploy "-DaltDeploymentRepository=${repository_id}::${MAVEN_REPOSITORY_URL}"
