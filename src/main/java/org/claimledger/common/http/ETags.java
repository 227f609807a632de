package org.claimledger.common.http;

import java.util.ArrayList;
import java.util.List;
import org.claimledger.common.error.ProblemException;
import org.claimledger.common.error.ProblemType;

/**
 * Strong entity tags made from row versions ({@code "7"}), and the parsing of {@code If-Match} and
 * {@code If-None-Match} (RFC 9110 section 13).
 */
public final class ETags {

    private ETags() {
    }

    /** The quoted strong ETag for a version, as sent in the {@code ETag} header. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The ETag's opaque value without quotes, as {@code ResponseBuilder.tag} wants it. */
    public static String value(long version) {
        return Long.toString(version);
    }

    /** True when {@code If-None-Match} names this version (weak comparison) or is {@code *}. */
    public static boolean noneMatchHits(String ifNoneMatch, long version) {
        return noneMatchHits(ifNoneMatch, of(version));
    }

    /** True when {@code If-None-Match} names this quoted entity tag (weak comparison) or is {@code *}. */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : parse("If-None-Match", ifNoneMatch)) {
            if (tag.equals("*") || opaque(tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The precondition of a write: {@code If-Match} must be present (else 428) and name the current
     * version by strong comparison (else 412, checked by {@link Precondition#check}).
     */
    public static Precondition requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag you last read, so that no one else's change is overwritten");
        }
        return new Precondition(parse("If-Match", ifMatch));
    }

    /** A precondition that holds when there is no {@code If-Match}, used where a write may create. */
    public static Precondition optionalIfMatch(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : new Precondition(parse("If-Match", ifMatch));
    }

    /** {@code If-None-Match: *} on a PUT: create only, refusing an existing resource; any other tag is a 400. */
    public static boolean onlyIfAbsent(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (!ifNoneMatch.trim().equals("*")) {
            throw ProblemException.invalidParameter("If-None-Match", "on PUT, If-None-Match may only be *");
        }
        return true;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    static List<String> parse(String header, String value) {
        List<String> tags = new ArrayList<>();
        String rest = value.trim();
        if (rest.equals("*")) {
            return List.of("*");
        }
        while (!rest.isEmpty()) {
            boolean weak = rest.startsWith("W/");
            String body = weak ? rest.substring(2) : rest;
            int end = body.startsWith("\"") ? body.indexOf('"', 1) : -1;
            if (end < 0 || body.length() > 1000) {
                throw ProblemException.invalidParameter(header,
                        header + " must be * or a list of quoted entity tags such as \"3\"");
            }
            tags.add((weak ? "W/" : "") + body.substring(0, end + 1));
            rest = body.substring(end + 1).trim();
            if (rest.startsWith(",")) {
                rest = rest.substring(1).trim();
            } else if (!rest.isEmpty()) {
                throw ProblemException.invalidParameter(header,
                        header + " must be * or a list of quoted entity tags such as \"3\"");
            }
        }
        return tags;
    }

    /** A parsed {@code If-Match}. */
    public record Precondition(List<String> tags) {

        /** {@code If-Match: *}: any current version will do. */
        public boolean anyVersion() {
            return tags.contains("*");
        }

        /** Throws 412, carrying the current ETag, unless the header names this version. */
        public void check(long currentVersion) {
            for (String tag : tags) {
                if (tag.equals("*") || tag.equals(of(currentVersion))) {
                    return;
                }
            }
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + String.join(", ", tags) + " does not match the current ETag " + of(currentVersion)
                            + "; read the resource again and reapply your change")
                    .with("currentEtag", of(currentVersion))
                    .header("ETag", of(currentVersion));
        }
    }
}
