package org.claimledger.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verification workflow's table of moves, without booting the service. */
class WorkflowTransitionsTest {

    @Test
    void shouldLetAnUnverifiedClaimGoOnlyToReviewOrBeSuperseded() {
        assertThat(Workflow.next(ClaimStatus.UNVERIFIED)).containsExactly(ClaimStatus.IN_REVIEW, ClaimStatus.SUPERSEDED);
    }

    @Test
    void shouldLetAClaimInReviewReceiveEveryVerdict() {
        assertThat(Workflow.next(ClaimStatus.IN_REVIEW))
                .containsAll(Workflow.VERDICTS)
                .contains(ClaimStatus.SUPERSEDED)
                .doesNotContain(ClaimStatus.UNVERIFIED, ClaimStatus.IN_REVIEW);
    }

    @Test
    void shouldLetEveryVerdictBeReopenedButNotReplacedDirectly() {
        for (ClaimStatus verdict : Workflow.VERDICTS) {
            assertThat(Workflow.next(verdict)).as("from %s", verdict)
                    .containsExactly(ClaimStatus.IN_REVIEW, ClaimStatus.SUPERSEDED);
        }
    }

    @Test
    void shouldEndTheWorkflowAtSuperseded() {
        assertThat(Workflow.next(ClaimStatus.SUPERSEDED)).isEmpty();
    }

    @Test
    void shouldCountFiveVerdicts() {
        assertThat(Workflow.VERDICTS).containsExactlyInAnyOrder(ClaimStatus.VERIFIED, ClaimStatus.FALSE,
                ClaimStatus.MISLEADING, ClaimStatus.DISPUTED, ClaimStatus.UNPROVEN);
    }
}
