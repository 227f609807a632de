package org.claimledger.article;

import org.claimledger.support.ApiTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.globalNewsArticle;
import static org.claimledger.support.Fixtures.uniqueUrl;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimledger.support.Db;
import org.claimledger.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleResourceTest extends ApiTest {

    @Test
    void shouldRecordAnArticleAndReadItBack() {
        var body = globalNewsArticle();
        var created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/articles")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("url", equalTo(body.get("url")))
                .body("publisher", equalTo("Global News"))
                .body("authors", equalTo(List.of("Global News staff")))
                .body("publishedAt", equalTo("2021-08-26T18:30:00Z"))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/articles/" + id);

        given().when().get("/api/v1/articles/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("title", equalTo(body.get("title")))
                .body("createdAt", equalTo(created.path("createdAt")));
        assertThat(Db.value("select publisher from article where id = ?", UUID.fromString(id))).isEqualTo("Global News");
    }

    @Test
    void shouldRefuseADuplicateUrlAndNameTheExistingArticle() {
        String url = uniqueUrl();
        var created = Fixtures.create("/api/v1/articles", globalNewsArticle(url));
        String id = created.path("id");
        assertThat(created.header("Location")).startsWith("http://");
        String sameUrlOtherSpelling = url.replace("https://globalnews.ca", "HTTPS://GlobalNews.CA")
                .replaceAll("/$", "");

        given().contentType(ContentType.JSON).body(globalNewsArticle(sameUrlOtherSpelling))
                .when().post("/api/v1/articles")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .header("Location", equalTo(created.header("Location")))
                .body("type", equalTo("https://claimledger.org/problems/duplicate-article"))
                .body("existingArticleId", equalTo(id));
        String key = url.substring(0, url.length() - 1);
        assertThat(Db.count("select count(*) from article where url_key = ?", key)).isEqualTo(1);
    }

    @Test
    void shouldFindAnArticleByUrl() {
        String url = uniqueUrl();
        String id = Fixtures.create("/api/v1/articles", globalNewsArticle(url)).path("id");
        given().queryParam("url", url.replaceAll("/$", ""))
                .when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("nextCursor", nullValue());
    }

    @Test
    void shouldFilterArticlesByPublisher() {
        var body = globalNewsArticle();
        String publisher = "Publisher " + UUID.randomUUID();
        body.put("publisher", publisher);
        String id = Fixtures.create("/api/v1/articles", body).path("id");
        given().queryParam("publisher", publisher.toUpperCase())
                .when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void shouldPatchAnArticleWithIfMatch() {
        String id = Fixtures.createArticle();
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("title", "ISIS-K: what we know"))
                .when().patch("/api/v1/articles/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("ISIS-K: what we know"))
                .body("publisher", equalTo("Global News"));
    }

    @Test
    void shouldSoftDeleteAnArticleAndAnswerGone() {
        String id = Fixtures.createArticle();
        given().header("If-Match", "\"0\"").when().delete("/api/v1/articles/{id}", id).then().statusCode(204);

        given().when().get("/api/v1/articles/{id}", id)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://claimledger.org/problems/gone"));
        assertThat(Db.value("select deleted_at from article where id = ?", UUID.fromString(id))).isNotNull();
        given().when().get("/api/v1/articles").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void shouldRefuseAnInvalidArticleWithTheFieldsNamed() {
        var counts = Db.tableCounts();
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.org/x", "language", "not a tag!"))
                .when().post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("language", "url")));
        assertThat(Db.tableCounts()).isEqualTo(counts);
    }
}
