package org.claimledger.claim;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimExportTest extends ApiTest {

    /** 5,000 claims written straight into PostgreSQL, with statements that need CSV quoting. */
    private static String fiveThousandClaims() {
        String tag = "export-" + UUID.randomUUID();
        Db.execute("insert into claim (id, statement, type, claimant, tags, status, created_at, updated_at, version,"
                + " quantity_measure, quantity_qualifier, quantity_value, explanation)"
                + " select gen_random_uuid(), 'Claim ' || g || ': \"over 70\", killed' || case when g % 7 = 0"
                + " then E'\\nsecond line' else '' end, 'CASUALTY_COUNT', 'Global News', array[?, 'kabul'],"
                + " case when g % 3 = 0 then 'IN_REVIEW' else 'UNVERIFIED' end,"
                + " now() - g * interval '1 second', now(), 0, 'KILLED', 'MORE_THAN', g, null"
                + " from generate_series(1, 5000) g", tag);
        return tag;
    }

    @Test
    void shouldExportEveryClaimAsCsvThatParsesBackToTheSameRows() {
        String tag = fiveThousandClaims();
        String csv = given().accept("text/csv").queryParam("tag", tag).when().get("/api/v1/claims")
                .then().statusCode(200).contentType("text/csv").extract().asString();

        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0)).startsWith("id", "statement", "type", "claimant");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(5000);
        var stored = Db.rows("select id::text, statement, status, quantity_value::text from claim where tags @> array[?::text]"
                + " order by created_at desc, id desc", tag);
        List<String> header = rows.get(0);
        for (int i = 0; i < stored.size(); i++) {
            Map<String, Object> row = stored.get(i);
            assertThat(data.get(i).get(header.indexOf("id"))).isEqualTo(row.get("id"));
            assertThat(data.get(i).get(header.indexOf("statement"))).isEqualTo(row.get("statement"));
            assertThat(data.get(i).get(header.indexOf("status"))).isEqualTo(row.get("status"));
            assertThat(data.get(i).get(header.indexOf("quantityValue"))).isEqualTo(row.get("quantity_value"));
        }
    }

    @Test
    void shouldExportWhenAndByWhatAClaimWasSuperseded() {
        String tag = "superseded-" + UUID.randomUUID();
        var seventy = org.claimledger.support.Fixtures.overSeventyKilled();
        seventy.put("tags", List.of(tag));
        String old = org.claimledger.support.Fixtures.createClaim(seventy);
        String ninety = org.claimledger.support.Fixtures.createClaim(org.claimledger.support.Fixtures.casualty(
                "At least 90 people were killed", "KILLED", "AT_LEAST", 90, "people"));
        WorkflowTest.move(old, "SUPERSEDED", "revised toll", ninety).statusCode(200);

        List<List<String>> rows = parse(given().accept("text/csv").queryParam("tag", tag).when().get("/api/v1/claims")
                .then().statusCode(200).extract().asString());
        List<String> header = rows.get(0);
        assertThat(header).contains("supersededBy", "supersededAt");
        String supersededAt = given().get("/api/v1/claims/{id}", old).then().extract().path("supersededAt");
        assertThat(rows.get(1).get(header.indexOf("supersededBy"))).isEqualTo(ninety);
        assertThat(java.time.Instant.parse(rows.get(1).get(header.indexOf("supersededAt"))))
                .isEqualTo(java.time.Instant.parse(supersededAt));
    }

    @Test
    void shouldNeutraliseCellsASpreadsheetWouldRunAsFormulas() {
        String tag = "export-" + UUID.randomUUID();
        var claim = new java.util.LinkedHashMap<>(Fixtures.overSeventyKilled());
        claim.put("statement", "=HYPERLINK(\"https://evil.example\",\"Kabul\")");
        claim.put("claimant", "@SUM(1+1)");
        claim.put("location", "-2+3");
        claim.put("tags", List.of("+cmd", tag));
        claim.put("explanation", "\tnot a formula");
        String id = Fixtures.createClaim(claim);

        String csv = given().accept("text/csv").queryParam("tag", tag).when().get("/api/v1/claims")
                .then().statusCode(200).extract().asString();

        List<String> row = parse(csv).get(1);
        assertThat(row.get(0)).isEqualTo(id);
        assertThat(row.get(1)).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"Kabul\")");
        assertThat(row.get(3)).isEqualTo("'@SUM(1+1)");
        assertThat(row.get(7)).isEqualTo("'-2+3");
        assertThat(row.get(9)).isEqualTo("'+cmd;" + tag);
        assertThat(row.get(11)).isEqualTo("'\tnot a formula");
        assertThat(Db.rows("select statement from claim where id = ?::uuid", id).get(0).get("statement"))
                .as("stored as written").isEqualTo("=HYPERLINK(\"https://evil.example\",\"Kabul\")");
    }

    @Test
    void shouldCountClaimsByStatusAndType() {
        String tag = fiveThousandClaims();
        given().queryParam("tag", tag).when().get("/api/v1/stats/claims").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(5000))
                .body("byStatus.IN_REVIEW", org.hamcrest.Matchers.equalTo(1666))
                .body("byStatus.UNVERIFIED", org.hamcrest.Matchers.equalTo(3334))
                .body("byStatus.VERIFIED", org.hamcrest.Matchers.equalTo(0))
                .body("byType.CASUALTY_COUNT", org.hamcrest.Matchers.equalTo(5000))
                .body("byType.QUOTE", org.hamcrest.Matchers.equalTo(0));
        long inReview = Db.count("select count(*) from claim where tags @> array[?::text] and status = 'IN_REVIEW'", tag);
        assertThat(inReview).isEqualTo(1666);
    }

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes and embedded line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.toString()).as("CSV ends with CRLF").isEmpty();
        return rows;
    }
}
