package org.claimledger.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.claimledger.support.Db;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A listener says it listens only once a notification has reached it: where notifications never
 * arrive (as through a pooler in transaction mode; here, a LISTEN in another database than the one
 * the service writes to), it never does, so a cache that relies on it stays off.
 */
@QuarkusTest
class PgListenerTest {

    private static final String CHANNEL = "pg_listener_test";

    private static Config config(String listenUrl) {
        Config service = ConfigProvider.getConfig();
        Map<String, String> values = new HashMap<>();
        String url = service.getValue("quarkus.datasource.jdbc.url", String.class);
        values.put("quarkus.datasource.jdbc.url", url);
        values.put("quarkus.datasource.username", service.getValue("quarkus.datasource.username", String.class));
        values.put("quarkus.datasource.password", service.getValue("quarkus.datasource.password", String.class));
        if (listenUrl != null) {
            values.put("claims.listen.jdbc-url", listenUrl);
        }
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void shouldListenAndDeliverWhatIsNotified() throws Exception {
        CountDownLatch listening = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        PgListener listener = PgListener.start(config(null), CHANNEL, Duration.ofMillis(200), new PgListener.Handler() {
            @Override
            public void wake(List<String> payloads) {
                received.addAll(payloads);
            }

            @Override
            public void listening(boolean now) {
                if (now) {
                    listening.countDown();
                }
            }
        });
        try {
            assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();
            Db.value("select pg_notify(?, ?)", CHANNEL, "key-hash-1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!received.contains("key-hash-1") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(received).containsExactly("key-hash-1");
        } finally {
            listener.stop();
        }
    }

    @Test
    void shouldNeverSayItListensWhereNotificationsDoNotArrive() throws Exception {
        if (Db.count("select count(*) from pg_database where datname = 'elsewhere'") == 0) {
            Db.execute("create database elsewhere");
        }
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String elsewhere = url.replaceFirst("/[^/?]+(\\?|$)", "/elsewhere$1");
        assertThat(elsewhere).isNotEqualTo(url);
        CountDownLatch listening = new CountDownLatch(1);
        PgListener listener = PgListener.start(config(elsewhere), CHANNEL, Duration.ofMillis(200), new PgListener.Handler() {
            @Override
            public void wake(List<String> payloads) {
            }

            @Override
            public void listening(boolean now) {
                if (now) {
                    listening.countDown();
                }
            }
        });
        try {
            assertThat(listening.await(8, TimeUnit.SECONDS)).as("said it listens").isFalse();
        } finally {
            listener.stop();
        }
    }
}
