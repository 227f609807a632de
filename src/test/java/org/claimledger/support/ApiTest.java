package org.claimledger.support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests of the API call it as the configured bootstrap admin (every role) unless a request sends
 * its own Authorization header (an empty one calls anonymously). No test expects a 500: one fails
 * the test at once, with the server's log of the incident in the message.
 */
public abstract class ApiTest {

    public static final String ADMIN_KEY = "cl_test-admin-key-0123456789abcdefghijklmnop";

    private static final Filter AS_ADMIN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + ADMIN_KEY);
        }
        var answered = context.next(request, response);
        if (answered.statusCode() == 500) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered 500: "
                    + answered.asString() + "\n" + ServerLog.incident(answered.asString()));
        }
        return answered;
    };

    @BeforeAll
    static void authenticateAsAdmin() {
        RestAssured.replaceFiltersWith(AS_ADMIN);
    }
}
