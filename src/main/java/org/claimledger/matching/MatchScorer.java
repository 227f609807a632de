package org.claimledger.matching;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The score of a candidate against a draft, in [0, 1], and its reasons. The statement's likeness
 * weighs most; a figure or an attribution both state weighs next, and when they disagree (another
 * number, another actor) the score is halved, so a near-miss worded like the draft never outranks
 * the same claim worded otherwise.
 */
final class MatchScorer {

    static final double TEXT = 0.55;
    static final double QUANTITY = 0.3;
    static final double ATTRIBUTION = 0.2;
    static final double DATE = 0.05;
    static final double SHARED = 0.05;
    static final double CONFLICT = 0.5;
    /** Two bounds open in the same direction ("more than 70", "at least 75") agree within this ratio. */
    static final double OPEN_BOUNDS_RATIO = 0.75;
    static final int DATE_WINDOW_DAYS = 30;

    private MatchScorer() {
    }

    /** A recorded claim the candidate query found. */
    record Candidate(UUID id, String statement, String status, String type, java.time.LocalDate claimDate,
            MatchDraft.Figure quantity, MatchDraft.Actor attribution, List<String> tags, List<UUID> sharedArticleIds) {
    }

    private static final Pattern ARTICLE = Pattern.compile("^(the|le|la|les|el|los|las) ");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

    static SimilarClaim score(MatchDraft draft, Candidate c) {
        return score(draft, MatchText.Text.of(draft.statement()), c);
    }

    /** The same, with the draft's statement prepared once for all candidates. */
    static SimilarClaim score(MatchDraft draft, MatchText.Text statement, Candidate c) {
        double text = round(MatchText.similarity(statement, MatchText.Text.of(c.statement())));
        Boolean sameQuantity = draft.quantity() == null || c.quantity() == null ? null
                : sameQuantity(draft.quantity(), c.quantity());
        Boolean sameAttribution = draft.attribution() == null || c.attribution() == null ? null
                : sameActor(draft.attribution(), c.attribution()) && Objects.equals(draft.attribution().role(), c.attribution().role());
        Double dateProximity = draft.claimDate() == null || c.claimDate() == null ? null
                : round(Math.max(0, 1 - Math.abs(ChronoUnit.DAYS.between(draft.claimDate(), c.claimDate()))
                        / (double) DATE_WINDOW_DAYS));
        List<String> sharedTags = new ArrayList<>();
        for (String tag : c.tags()) {
            if (draft.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag))) {
                sharedTags.add(tag);
            }
        }

        double sum = TEXT * text;
        double weights = TEXT;
        double factor = 1;
        if (sameQuantity != null) {
            weights += QUANTITY;
            if (sameQuantity) {
                sum += QUANTITY * (0.5 + 0.5 * closeness(draft.quantity(), c.quantity()));
            } else {
                factor *= CONFLICT;
            }
        }
        if (sameAttribution != null) {
            weights += ATTRIBUTION;
            if (sameAttribution) {
                sum += ATTRIBUTION;
            } else {
                factor *= sameActor(draft.attribution(), c.attribution()) ? 0.75 : CONFLICT;
            }
        }
        if (dateProximity != null) {
            weights += DATE;
            sum += DATE * dateProximity;
        }
        double score = sum / weights;
        if (!sharedTags.isEmpty() || !c.sharedArticleIds().isEmpty()) {
            score += SHARED * (1 - score);
        }
        score = round(Math.min(1, Math.max(0, score * factor)));
        return new SimilarClaim(c.id(), c.statement(), c.status(), score,
                new MatchReasons(text, sameQuantity, sameAttribution, dateProximity, sharedTags, c.sharedArticleIds()));
    }

    /** Same measure, compatible subjects, overlapping bounds (two open the same way: close enough). */
    static boolean sameQuantity(MatchDraft.Figure a, MatchDraft.Figure b) {
        if (!Objects.equals(a.measure(), b.measure()) || !sameSubject(a.subject(), b.subject())) {
            return false;
        }
        Bounds x = Bounds.of(a);
        Bounds y = Bounds.of(b);
        if (!x.overlaps(y)) {
            return false;
        }
        if ((x.openAbove() && y.openAbove()) || (x.openBelow() && y.openBelow())) {
            double lo = Math.min(a.value().doubleValue(), b.value().doubleValue());
            double hi = Math.max(a.value().doubleValue(), b.value().doubleValue());
            return hi == 0 || lo / hi >= OPEN_BOUNDS_RATIO;
        }
        return true;
    }

    /** 1 for equal figures, towards 0 as their values part. */
    private static double closeness(MatchDraft.Figure a, MatchDraft.Figure b) {
        double x = a.value().doubleValue();
        double y = b.value().doubleValue();
        double hi = Math.max(x, y);
        return hi == 0 ? 1 : Math.min(x, y) / hi;
    }

    static boolean sameSubject(String a, String b) {
        String x = subjectKey(a);
        String y = subjectKey(b);
        return x.isEmpty() || y.isEmpty() || x.equals(y) || x.contains(y) || y.contains(x);
    }

    /** Subjects' keys lately computed: a pure function of the text, so never stale; few distinct subjects recur. */
    private static final int SUBJECT_KEYS_MAX = 2048;
    private static final Map<String, String> SUBJECT_KEYS = new ConcurrentHashMap<>();

    private static String subjectKey(String subject) {
        if (subject == null) {
            return computeSubjectKey(null);
        }
        String key = SUBJECT_KEYS.get(subject);
        if (key == null) {
            key = computeSubjectKey(subject);
            if (SUBJECT_KEYS.size() >= SUBJECT_KEYS_MAX) {
                SUBJECT_KEYS.clear();
            }
            SUBJECT_KEYS.put(subject, key);
        }
        return key;
    }

    private static String computeSubjectKey(String subject) {
        // "people" says nothing about who: it agrees with any subject
        String s = MatchText.normalise(subject);
        return s.equals("people") ? "" : String.join(" ", MatchText.keywords(s));
    }

    static boolean sameActor(MatchDraft.Actor a, MatchDraft.Actor b) {
        return actorKey(a.actor()).equals(actorKey(b.actor()));
    }

    static String actorKey(String actor) {
        String folded = ARTICLE.matcher(MatchText.normalise(actor)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** A figure's bounds as a closed interval; null ends are open. */
    record Bounds(BigDecimal lo, BigDecimal hi) {

        static Bounds of(MatchDraft.Figure f) {
            BigDecimal v = f.value();
            return switch (f.qualifier() == null ? "EXACT" : f.qualifier()) {
                case "AT_LEAST", "MORE_THAN" -> new Bounds(v, null);
                case "AT_MOST", "FEWER_THAN" -> new Bounds(BigDecimal.ZERO, v);
                case "APPROXIMATELY" -> new Bounds(v.multiply(new BigDecimal("0.9")), v.multiply(new BigDecimal("1.1")));
                case "RANGE" -> new Bounds(v, f.upperValue() == null ? v : f.upperValue());
                default -> new Bounds(v, v);
            };
        }

        boolean overlaps(Bounds o) {
            boolean belowItsTop = o.hi == null || lo.compareTo(o.hi) <= 0;
            boolean aboveItsBottom = hi == null || hi.compareTo(o.lo) >= 0;
            return belowItsTop && aboveItsBottom;
        }

        boolean openAbove() {
            return hi == null;
        }

        boolean openBelow() {
            return lo.signum() == 0 && hi != null;
        }
    }
}
