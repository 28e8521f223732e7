package io.novatune.archiver.provider;

import java.io.IOException;

/** The provider closed the connection before sending the declared Content-Length. */
public class TruncatedBodyException extends IOException {

    public TruncatedBodyException(long received, long declared) {
        super("body truncated after " + received + " of " + declared + " declared bytes");
    }
}
