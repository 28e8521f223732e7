package io.novatune.archiver.provider;

import io.novatune.platform.net.AddressPolicy;
import io.novatune.platform.net.HostPatterns;
import io.novatune.platform.net.LinkRedaction;
import org.springframework.stereotype.Component;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GET of a provider link that cannot be turned against us (docs/adr/0011-archiver.md, "Hostile URLs").
 * <p>
 * A small HTTP/1.1 client over plain sockets rather than the JDK's {@code HttpClient}: the address check must
 * hold for the connection actually made, and {@code HttpClient} resolves names and follows redirects where we
 * cannot look. Here each hop is checked (scheme, host on the provider's allow-list, every resolved address),
 * the socket connects to the checked {@link InetAddress} itself (no second lookup to rebind), and redirects are
 * followed by this code, at most {@code max-redirects} of them, each checked the same way. Only what archiving
 * needs: {@code GET}, {@code Connection: close}, identity encoding, a declared {@code Content-Length}.
 */
@Component
public class SafeFetcher {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> GONE = Set.of(403, 404, 410);

    private final ProviderProperties properties;
    private final AddressPolicy addresses;
    private final HostResolver resolver;

    public SafeFetcher(ProviderProperties properties, HostResolver resolver) {
        this.properties = properties;
        this.addresses = new AddressPolicy(properties.allowedCidrs());
        this.resolver = resolver;
    }

    /**
     * Opens {@code link} of {@code providerName} and answers its 200 response, body unread.
     *
     * @throws ProviderFailure refused links and gone files (not retryable), overload and network trouble (retryable)
     */
    public ProviderResponse open(String providerName, String link) throws ProviderFailure {
        URI uri = parse(link);
        for (int hop = 0; ; hop++) {
            checkLink(providerName, uri);
            Socket socket = connect(uri);
            boolean handedOver = false;
            try {
                Head head = exchange(socket, uri);
                if (REDIRECTS.contains(head.status())) {
                    String location = head.header("location");
                    if (location == null) {
                        throw new ProviderFailure(false, "HTTP " + head.status() + " without Location from " + LinkRedaction.redacted(uri));
                    }
                    if (hop >= properties.maxRedirects()) {
                        throw ProviderFailure.refused("more than " + properties.maxRedirects() + " redirects from "
                                + LinkRedaction.redacted(link));
                    }
                    uri = redirectTarget(uri, location);
                    continue;
                }
                ProviderResponse response = accepted(uri, head, socket);
                handedOver = true;
                return response;
            } catch (SocketTimeoutException e) {
                throw new ProviderFailure(true, "timed out reading from " + LinkRedaction.redacted(uri), e);
            } catch (IOException e) {
                throw new ProviderFailure(true, "connection to " + LinkRedaction.redacted(uri) + " failed: " + e.getMessage(), e);
            } finally {
                if (!handedOver) {
                    closeQuietly(socket);
                }
            }
        }
    }

    private static URI parse(String link) throws ProviderFailure {
        try {
            URI uri = new URI(link);
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw ProviderFailure.refused("not an absolute URL: " + LinkRedaction.redacted(link));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ProviderFailure.refused("not a valid URL: " + LinkRedaction.redacted(link));
        }
    }

    private static URI redirectTarget(URI from, String location) throws ProviderFailure {
        try {
            return from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ProviderFailure.refused("invalid redirect target from " + LinkRedaction.redacted(from));
        }
    }

    /** Scheme, user info and host: everything that can be judged before a name is resolved. */
    void checkLink(String providerName, URI uri) throws ProviderFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowPlainHttp())) {
            throw ProviderFailure.refused("scheme " + scheme + " is not allowed: " + LinkRedaction.redacted(uri));
        }
        if (uri.getRawUserInfo() != null) {
            throw ProviderFailure.refused("user info in link: " + LinkRedaction.redacted(uri));
        }
        String host = HostPatterns.host(uri);
        if (host == null || host.isEmpty()) {
            throw ProviderFailure.refused("no host in link: " + LinkRedaction.redacted(uri));
        }
        List<String> allowed = properties.hosts().get(providerName.toLowerCase(Locale.ROOT));
        if (allowed == null || allowed.isEmpty()) {
            throw ProviderFailure.refused("provider " + providerName + " has no allowed hosts configured");
        }
        if (!HostPatterns.allowed(allowed, host)) {
            throw ProviderFailure.refused("host " + host + " is not allowed for provider " + providerName);
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Resolves, refuses if any answer is internal, and connects to a checked address. */
    private Socket connect(URI uri) throws ProviderFailure {
        String host = HostPatterns.host(uri);
        List<InetAddress> resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new ProviderFailure(true, "host " + host + " does not resolve");
        }
        if (resolved.isEmpty()) {
            throw new ProviderFailure(true, "host " + host + " does not resolve");
        }
        // A name that also answers an internal address is refused outright, not worked around: no legitimate
        // provider CDN publishes one, and it is how rebinding attacks start.
        for (InetAddress address : resolved) {
            String refusal = addresses.refusal(address);
            if (refusal != null) {
                throw ProviderFailure.refused("host " + host + " resolves to a " + refusal + " address ("
                        + address.getHostAddress() + ")");
            }
        }
        IOException last = null;
        for (InetAddress address : resolved) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port(uri)), (int) properties.connectTimeout().toMillis());
                socket.setSoTimeout((int) properties.readTimeout().toMillis());
                // The address of the connection actually made, checked once more: no proxy or resolver in between.
                String refusal = addresses.refusal(socket.getInetAddress());
                if (refusal != null) {
                    closeQuietly(socket);
                    throw ProviderFailure.refused("connected to a " + refusal + " address");
                }
                return uri.getScheme().equalsIgnoreCase("https") ? tls(socket, host, port(uri)) : socket;
            } catch (SSLHandshakeException e) {
                closeQuietly(socket);
                throw new ProviderFailure(false, "TLS handshake with " + host + " failed: " + e.getMessage(), e);
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
            }
        }
        throw new ProviderFailure(true, "cannot connect to " + host + ":" + port(uri) + ": " + last.getMessage(), last);
    }

    private static Socket tls(Socket plain, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        // Certificate checked against the host name, as a browser would; connecting by address does not skip it.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private record Head(int status, Map<String, List<String>> headers, InputStream body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private static Head exchange(Socket socket, URI uri) throws IOException {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String hostHeader = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "User-Agent: novatune-archiver\r\n"
                + "Accept: */*\r\n"
                // Identity only: the bytes hashed and stored are the file's bytes, and Content-Length is their count.
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();

        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        String statusLine = line(in, new int[]{0});
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int[] consumed = {statusLine.length()};
        for (String header = line(in, consumed); !header.isEmpty(); header = line(in, consumed)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line");
            }
            headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        return new Head(status, headers, in);
    }

    private static String line(InputStream in, int[] consumed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed before the response headers ended");
            }
            if (++consumed[0] > MAX_HEADER_BYTES) {
                throw new IOException("response headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static ProviderResponse accepted(URI uri, Head head, Socket socket) throws ProviderFailure {
        int status = head.status();
        String from = LinkRedaction.redacted(uri);
        if (GONE.contains(status)) {
            throw new ProviderFailure(false, "HTTP " + status + " from " + from + ": the link expired or the file is gone");
        }
        if (status == 429 || status >= 500) {
            throw new ProviderFailure(true, "HTTP " + status + " from " + from);
        }
        if (status != 200) {
            throw new ProviderFailure(false, "HTTP " + status + " from " + from);
        }
        if (head.headers().containsKey("transfer-encoding")) {
            throw new ProviderFailure(false, "chunked response from " + from + ": no declared length to verify");
        }
        List<String> lengths = head.headers().get("content-length");
        if (lengths == null || lengths.stream().distinct().count() != 1) {
            throw new ProviderFailure(false, "no single Content-Length from " + from);
        }
        long length;
        try {
            length = Long.parseLong(lengths.get(0));
        } catch (NumberFormatException e) {
            throw new ProviderFailure(false, "malformed Content-Length from " + from);
        }
        if (length < 0) {
            throw new ProviderFailure(false, "negative Content-Length from " + from);
        }
        String contentType = head.header("content-type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return new ProviderResponse(mediaType, length, new LengthLimitedStream(head.body(), length),
                socket.getInetAddress(), socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to save.
        }
    }
}
