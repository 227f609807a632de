package org.claimledger.article;

import java.net.URI;
import java.util.Locale;
import org.claimledger.common.validation.HttpUrl;

/** Normalises article urls so that trivially different spellings of one url are one article. */
final class UrlKeys {

    private UrlKeys() {
    }

    /**
     * Lower-cases the scheme and host and drops a trailing slash of the path; keeps the port, the
     * path's case, the query and the fragment as they were. Null when the text is not an http(s) URL.
     */
    static String of(String url) {
        URI uri = HttpUrl.Validator.parse(url);
        if (uri == null) {
            return null;
        }
        StringBuilder key = new StringBuilder()
                .append(uri.getScheme().toLowerCase(Locale.ROOT)).append("://");
        if (uri.getRawUserInfo() != null) {
            key.append(uri.getRawUserInfo()).append('@');
        }
        key.append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() >= 0) {
            key.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        key.append(path);
        if (uri.getRawQuery() != null) {
            key.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            key.append('#').append(uri.getRawFragment());
        }
        return key.toString();
    }
}
