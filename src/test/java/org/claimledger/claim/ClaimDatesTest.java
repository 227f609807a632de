package org.claimledger.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;
import static org.claimledger.support.Fixtures.overSeventyKilled;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.ApiTest;
import org.claimledger.support.Db;
import org.junit.jupiter.api.Test;

/** A claim's dates keep the precision their source gives, and filters compare the days they can mean. */
@QuarkusTest
class ClaimDatesTest extends ApiTest {

    private static String claimOn(String tag, String claimDate, String eventDate) {
        var body = overSeventyKilled();
        body.put("tags", List.of(tag));
        body.put("claimDate", claimDate);
        if (eventDate == null) { // an unset member is left out, as the contract asks
            body.remove("eventDate");
        } else {
            body.put("eventDate", eventDate);
        }
        return createClaim(body);
    }

    @Test
    void shouldRecordAYearAMonthADayAndAnIntervalAsGiven() {
        String tag = "dates-" + UUID.randomUUID();
        String formed = claimOn(tag, "2015", "2015");
        String surrendered = claimOn(tag, "2021-08-26", "2019/2020");
        String may = claimOn(tag, "2019-05", "2019-05-04");

        given().get("/api/v1/claims/{id}", formed).then().statusCode(200)
                .body("claimDate", equalTo("2015")).body("eventDate", equalTo("2015"));
        given().get("/api/v1/claims/{id}", surrendered).then().body("eventDate", equalTo("2019/2020"));
        var row = Db.row("select claim_date, claim_date_first, claim_date_last, event_date, event_date_first,"
                + " event_date_last from claim where id = ?", UUID.fromString(surrendered));
        assertThat(row.get("claim_date")).isEqualTo("2021-08-26");
        assertThat(row.get("event_date")).isEqualTo("2019/2020");
        assertThat(row.get("event_date_first").toString()).isEqualTo(LocalDate.of(2019, 1, 1).toString());
        assertThat(row.get("event_date_last").toString()).isEqualTo(LocalDate.of(2020, 12, 31).toString());
        assertThat(Db.value("select claim_date_last from claim where id = ?", UUID.fromString(may)).toString())
                .isEqualTo("2019-05-31");
    }

    @Test
    void shouldFilterByTheDaysADateCanMean() {
        String tag = "dates-" + UUID.randomUUID();
        String formed = claimOn(tag, "2015", null);
        String interval = claimOn(tag, "2019/2020", "2019/2020");
        String may = claimOn(tag, "2019-05", "2019-05-04");
        String day = claimOn(tag, "2021-08-26", "2021-08-26");

        given().queryParam("tag", tag).queryParam("claimDate", "2019").get("/api/v1/claims").then().statusCode(200)
                .body("items.id", containsInAnyOrder(interval, may));
        given().queryParam("tag", tag).queryParam("claimDate", "2015-06-01").get("/api/v1/claims").then()
                .body("items.id", containsInAnyOrder(formed));
        given().queryParam("tag", tag).queryParam("claimDate", "2020/2021-08").get("/api/v1/claims").then()
                .body("items.id", containsInAnyOrder(interval, day));
        given().queryParam("tag", tag).queryParam("claimDate", "2016/2018").get("/api/v1/claims").then()
                .body("items", org.hamcrest.Matchers.empty());
        given().queryParam("tag", tag).queryParam("eventDate", "2019-05").get("/api/v1/claims").then()
                .body("items.id", containsInAnyOrder(interval, may));
        given().queryParam("tag", tag).queryParam("eventDate", "2021").get("/api/v1/claims").then()
                .body("items.id", containsInAnyOrder(day));
        given().queryParam("claimDate", "2019-13").get("/api/v1/claims").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("claimDate"));
    }

    @Test
    void shouldRefuseADateOfNoAcceptedFormNamingTheField() {
        for (String bad : List.of("2020/2019", "2021-02-30", "26/08/2021", "2021-08-26T10:00:00Z")) {
            var body = overSeventyKilled();
            body.put("claimDate", bad);
            given().contentType(ContentType.JSON).body(body).post("/api/v1/claims").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("claimDate"))
                    .body("detail", containsString("claimDate"));
        }
        var body = overSeventyKilled();
        body.put("eventDate", 2015);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/claims").then().statusCode(400)
                .body("errors.field", hasItem("eventDate"));
    }

    @Test
    void shouldChangeThePrecisionByPatchAndKeepTheHistoryChainValid() {
        String tag = "dates-" + UUID.randomUUID();
        String claim = claimOn(tag, "2021-08-26", "2021-08-26");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("statement", "Two explosions killed at least 90 people"))
                .patch("/api/v1/claims/{id}", claim).then().statusCode(200).body("claimDate", equalTo("2021-08-26"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("eventDate", "2021-08"))
                .patch("/api/v1/claims/{id}", claim).then().statusCode(200).body("eventDate", equalTo("2021-08"));

        given().get("/api/v1/claims/{id}/history", claim).then().statusCode(200)
                .body("items[1].changes.field", not(hasItem("claimDate")))
                .body("items[0].changes.field", equalTo(List.of("eventDate")))
                .body("items[0].changes[0].from", equalTo("2021-08-26"))
                .body("items[0].changes[0].to", equalTo("2021-08"));
        given().get("/api/v1/claims/{id}/history/verify", claim).then().body("valid", equalTo(true));
        String csv = given().accept("text/csv").queryParam("tag", tag).get("/api/v1/claims").then().statusCode(200).extract().asString();
        assertThat(csv).contains(claim + ",").contains(",2021-08,");
    }
}
