package io.kafkacontracts.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.operations.CheckRun.BaselineKind;
import org.junit.jupiter.api.Test;

/** How {@code contracts.baseline} (and a front end's flag like it) chooses the baselines. */
class CheckRunTest {

  @Test
  void autoIsTheRegistryWhenSetElseTheDirectoryElseGit() {
    assertThat(CheckRun.baselines("auto", true, true)).containsExactly(BaselineKind.REGISTRY);
    assertThat(CheckRun.baselines("", false, true)).containsExactly(BaselineKind.DIRECTORY);
    assertThat(CheckRun.baselines("AUTO", false, false)).containsExactly(BaselineKind.GIT);
  }

  @Test
  void aListJudgesWithEachAndNeedsTheirSettings() {
    assertThat(CheckRun.baselines("git, registry", true, false))
        .containsExactlyInAnyOrder(BaselineKind.GIT, BaselineKind.REGISTRY);
    assertThatThrownBy(() -> CheckRun.baselines("git,registry", false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the baselines name registry: set the registry's URL too");
    assertThatThrownBy(() -> CheckRun.baselines("git,svn", false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the baselines must be auto, or a comma-separated list of git, registry and directory, not 'git,svn'");
  }
}
