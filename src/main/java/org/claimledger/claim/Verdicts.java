package org.claimledger.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;

/**
 * A verdict stays true to what was verified. Once a claim has a verdict (VERIFIED, FALSE,
 * MISLEADING, DISPUTED, UNPROVEN), a substantive change — what the claim says (statement, type,
 * claimant, claim date, quantity, attribution), a source's stance or url, or the removal of a
 * source the verdict rests on — may not leave the verdict standing: below EDITOR it is refused
 * with {@link #VERDICT_STANDS}; an editor's change reopens the claim to IN_REVIEW in the same
 * revision, whose reason says so. And whatever the write, a claim that has a verdict must keep
 * what a verdict needs ({@link #unmetRule}): checked on every write, not only on a status change.
 */
final class Verdicts {

    static final ProblemType VERDICT_STANDS = ProblemType.of("verdict-stands",
            "The claim has a verdict: reopen it before changing what the verdict is about", 409);
    static final ProblemType VERDICT_RULE_BROKEN = ProblemType.of("verdict-rule-broken",
            "The change would leave the verdict without what a verdict needs", 409);

    private Verdicts() {
    }

    static boolean hasVerdict(ClaimStatus status) {
        return Workflow.VERDICTS.contains(status);
    }

    /** The members a verdict is about that differ between two states of a claim, as dotted paths. */
    static List<String> substantiveChanges(ClaimRequest before, ClaimRequest after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "statement", before.statement(), after.statement());
        compare(changed, "type", before.type(), after.type());
        compare(changed, "claimant", before.claimant(), after.claimant());
        compare(changed, "claimDate", before.claimDate(), after.claimDate());
        Quantity q0 = before.quantity();
        Quantity q1 = after.quantity();
        if (q0 == null || q1 == null) {
            compare(changed, "quantity", q0, q1);
        } else {
            compare(changed, "quantity.measure", q0.measure(), q1.measure());
            compare(changed, "quantity.subject", q0.subject(), q1.subject());
            compare(changed, "quantity.qualifier", q0.qualifier(), q1.qualifier());
            compareNumbers(changed, "quantity.value", q0.value(), q1.value());
            compareNumbers(changed, "quantity.upperValue", q0.upperValue(), q1.upperValue());
            compare(changed, "quantity.unit", q0.unit(), q1.unit());
        }
        Attribution a0 = before.attribution();
        Attribution a1 = after.attribution();
        if (a0 == null || a1 == null) {
            compare(changed, "attribution", a0, a1);
        } else {
            compare(changed, "attribution.actor", a0.actor(), a1.actor());
            compare(changed, "attribution.role", a0.role(), a1.role());
            compare(changed, "attribution.attributedBy", a0.attributedBy(), a1.attributedBy());
        }
        return changed;
    }

    /** The members of a source a verdict rests on that differ: its stance and which document it is. */
    static List<String> substantiveChanges(SourceRequest before, SourceRequest after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "stance", before.stance(), after.stance());
        compare(changed, "url", before.url() == null ? null : before.url().trim(),
                after.url() == null ? null : after.url().trim());
        return changed;
    }

    /**
     * Whether a verdict rests on a source with this stance: VERIFIED on its SUPPORTS sources, FALSE
     * on its REFUTES sources, the other verdicts on every source.
     */
    static boolean restsOn(ClaimStatus verdict, Stance stance) {
        return switch (verdict) {
            case VERIFIED -> stance == Stance.SUPPORTS;
            case FALSE -> stance == Stance.REFUTES;
            case MISLEADING, DISPUTED, UNPROVEN -> true;
            default -> false;
        };
    }

    /** The first rule of a verdict that the claim breaks, or null; for a claim without verdict, null. */
    static String unmetRule(ClaimStatus status, String explanation, List<Stance> sourceStances) {
        if (!hasVerdict(status)) {
            return null;
        }
        if (explanation == null || explanation.isBlank()) {
            return "a verdict needs a non-blank explanation";
        }
        if (sourceStances.isEmpty()) {
            return "a verdict needs at least one source";
        }
        if (status == ClaimStatus.VERIFIED && !sourceStances.contains(Stance.SUPPORTS)) {
            return "VERIFIED needs at least one SUPPORTS source";
        }
        if (status == ClaimStatus.FALSE && !sourceStances.contains(Stance.REFUTES)) {
            return "FALSE needs at least one REFUTES source";
        }
        return null;
    }

    /** The refusal of a substantive change by someone who may not reopen the claim. */
    static ProblemException stands(ClaimStatus status, List<String> changed) {
        return new ProblemException(VERDICT_STANDS, "the claim is " + status + "; changing " + String.join(", ", changed)
                + " would leave that verdict standing on something it was not given for: an editor must reopen "
                + "the claim first (POST /api/v1/claims/{id}/status with IN_REVIEW), or make the change, which "
                + "reopens it")
                .with("currentStatus", status.name())
                .with("changedFields", changed);
    }

    /** The refusal of a write after which the claim's verdict would break one of its rules. */
    static ProblemException ruleBroken(ClaimStatus status, String rule) {
        return new ProblemException(VERDICT_RULE_BROKEN, "the claim is " + status + " and " + rule
                + "; reopen it (IN_REVIEW) before this change")
                .with("currentStatus", status.name())
                .with("unmetRule", rule);
    }

    /** The reason recorded with a change that reopened the claim. */
    static String reopenReason(ClaimStatus was, List<String> changed) {
        return "reopened from " + was + " to IN_REVIEW: " + String.join(", ", changed) + " changed after the verdict";
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static void compareNumbers(List<String> changed, String field, java.math.BigDecimal before,
            java.math.BigDecimal after) {
        if (before == null || after == null ? before != after : before.compareTo(after) != 0) {
            changed.add(field);
        }
    }
}
