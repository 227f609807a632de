package org.claimledger.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhook deliveries away from the service's own network (SSRF): https only, and no
 * loopback or private address unless {@code claims.webhooks.allow-private-targets}; link-local and
 * cloud metadata addresses never. Checked when a target is set and again before each delivery.
 */
@ApplicationScoped
class TargetGuard {

    /** Why a target is refused. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** fd00:ec2::254, the IPv6 address of the EC2 instance metadata service. */
    private static final byte[] EC2_METADATA_V6 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};

    private final boolean allowPrivate;

    @Inject
    TargetGuard(WebhookConfig config) {
        this(config.allowPrivateTargets());
    }

    TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL as a URI, when it may be called now. */
    URI check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new Refused("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("must name a host, without user info or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (isLinkLocalOrMetadata(address)) {
                throw new Refused("resolves to a link-local or cloud metadata address (" + address.getHostAddress()
                        + "), which is never allowed");
            }
            if (!allowPrivate && isPrivate(address)) {
                throw new Refused("resolves to a loopback or private address (" + address.getHostAddress() + ")");
            }
        }
        return uri;
    }

    static boolean isLinkLocalOrMetadata(InetAddress address) {
        if (address.isLinkLocalAddress()) {
            return true; // 169.254.0.0/16 and fe80::/10
        }
        return address instanceof Inet6Address && java.util.Arrays.equals(address.getAddress(), EC2_METADATA_V6);
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // shared address space
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
    }
}
