package org.claimledger.claim;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Claims as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they need it. A cell
 * that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return)
 * is written with a leading single quote, as OWASP recommends against CSV injection: the cell then
 * reads as the text it is.
 */
final class ClaimCsv {

    record Column(String name, Function<Claim, Object> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("id", c -> c.id),
            new Column("statement", c -> c.statement),
            new Column("type", c -> c.type),
            new Column("claimant", c -> c.claimant),
            new Column("claimantKind", c -> c.claimantKind),
            new Column("claimDate", c -> c.claimDate),
            new Column("language", c -> c.language),
            new Column("location", c -> c.location),
            new Column("eventDate", c -> c.eventDate),
            new Column("tags", c -> String.join(";", c.tags)),
            new Column("status", c -> c.status),
            new Column("explanation", c -> c.explanation),
            new Column("verdictAt", c -> c.verdictAt),
            new Column("supersededBy", c -> c.supersededBy),
            new Column("supersededAt", c -> c.supersededAt),
            new Column("quantityMeasure", c -> quantity(c, Quantity::measure)),
            new Column("quantitySubject", c -> quantity(c, Quantity::subject)),
            new Column("quantityQualifier", c -> quantity(c, Quantity::qualifier)),
            new Column("quantityValue", c -> quantity(c, q -> plain(q.value()))),
            new Column("quantityUpperValue", c -> quantity(c, q -> plain(q.upperValue()))),
            new Column("quantityUnit", c -> quantity(c, Quantity::unit)),
            new Column("attributionActor", c -> attribution(c, Attribution::actor)),
            new Column("attributionRole", c -> attribution(c, Attribution::role)),
            new Column("attributionAttributedBy", c -> attribution(c, Attribution::attributedBy)),
            new Column("createdAt", c -> c.createdAt),
            new Column("updatedAt", c -> c.updatedAt),
            new Column("version", c -> c.version));

    private ClaimCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(COLUMNS.stream().map(Column::name).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    static void row(Writer out, Claim claim) throws IOException {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = COLUMNS.get(i).value().apply(claim);
            if (value != null) {
                out.write(field(value.toString()));
            }
        }
        out.write("\r\n");
    }

    private static Object quantity(Claim claim, Function<Quantity, Object> member) {
        return claim.quantity == null ? null : member.apply(claim.quantity);
    }

    private static Object attribution(Claim claim, Function<Attribution, Object> member) {
        return claim.attribution == null ? null : member.apply(claim.attribution);
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static String field(String value) {
        String text = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
