package org.claimledger.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSRF rules as production has them (private targets not allowed), on address literals: no DNS needed. */
class TargetGuardTest {

    private final TargetGuard production = new TargetGuard(false);
    private final TargetGuard development = new TargetGuard(true);

    @Test
    void shouldRefuseHttpLoopbackAndPrivateTargetsUnlessAllowed() throws Exception {
        for (String url : List.of("http://93.184.216.34/hook", "https://127.0.0.1/hook", "https://localhost/hook",
                "https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.10/hook", "https://[::1]/hook",
                "https://[fd12:3456::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook")) {
            assertThatThrownBy(() -> production.check(url)).as(url).isInstanceOf(TargetGuard.Refused.class);
            assertThat(development.check(url)).as(url).isNotNull();
        }
        assertThat(production.check("https://93.184.216.34/hook").getHost()).isEqualTo("93.184.216.34");
    }

    @Test
    void shouldAlwaysRefuseLinkLocalAndCloudMetadataTargets() {
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "http://169.254.0.1/",
                "https://[fd00:ec2::254]/", "https://[fe80::1]/")) {
            assertThatThrownBy(() -> development.check(url)).as(url).isInstanceOf(TargetGuard.Refused.class)
                    .hasMessageContaining("never allowed");
        }
    }

    @Test
    void shouldRefuseUserInfoAndOtherSchemes() {
        for (String url : List.of("https://user:pass@93.184.216.34/", "ftp://93.184.216.34/", "file:///etc/passwd")) {
            assertThatThrownBy(() -> development.check(url)).as(url).isInstanceOf(TargetGuard.Refused.class);
        }
    }
}
