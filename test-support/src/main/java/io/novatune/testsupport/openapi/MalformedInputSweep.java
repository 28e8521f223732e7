package io.novatune.testsupport.openapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Malformed input for every operation of a checked-in OpenAPI document, generated from the document (so an operation
 * added later is swept too), sent to a real server over HTTP: wrong types, integer overflow, NUL and control
 * characters, huge strings, bad enums and patterns, bad cursors, bad and truncated JSON, wrong content types and bad
 * multipart bodies. A finding is an answer of 5xx, or an error answer that is not {@code application/problem+json}.
 */
public final class MalformedInputSweep {

    /** One request of the corpus: what it breaks, and the bytes that go on the wire. */
    public record Probe(String method, String template, String what, String pathAndQuery, String contentType,
                        Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return method + " " + template + " [" + what + "]";
        }
    }

    /** An answer that breaks the contract. */
    public record Finding(Probe probe, int status, String contentType, String body) {
        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return probe + " → " + status + " " + contentType + " " + shown.replace('\n', ' ');
        }
    }

    private static final java.util.regex.Pattern INVALID_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final int OVERSIZED = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(3_000);
    private static final String HUGE_BODY_STRING = "y".repeat(1_100_000);
    private static final List<String> BAD_TEXT = List.of("\u0000", "a\u0000b", "\u0007bell", "line\r\nbreak",
            "\u001b[31m", "\uFFFF");
    private static final List<String> BAD_INTEGERS = List.of("abc", "1.5", "-1", "0", "2147483648", "-2147483649",
            "9223372036854775808", "99999999999999999999999999", "1e400", "", "%00", "0x10", "NaN");
    private static final List<String> BAD_CURSORS = List.of("!!!", "eyJ", "AAAA", "====", "%00", "%FF%FE",
            "eyJ0aXRsZSI6MX0", "bnVsbA", "W10", "e30", "-", HUGE);
    private static final List<String> BAD_PATH_SEGMENTS = List.of("%00", "%01x", "%FF", "%C0%AF", "..%2F..", "%2F",
            "-1", "99999999999999999999", "%20", HUGE.substring(0, 1_000), "01JZZZZZZZZZZZZZZZZZZZZZZZ%00");

    private final JsonNode document;
    private final BiFunction<String, String, String> pathValues;
    private final List<Probe> probes = new ArrayList<>();

    private MalformedInputSweep(JsonNode document, BiFunction<String, String, String> pathValues) {
        this.document = document;
        this.pathValues = pathValues;
    }

    /**
     * The corpus of {@code document}; {@code pathValues} answers a well-formed value for a path template and parameter name (an
     * id that exists, say), so that the parameters and bodies around it are what is malformed.
     */
    public static List<Probe> corpus(Path document, BiFunction<String, String, String> pathValues) throws IOException {
        MalformedInputSweep sweep = new MalformedInputSweep(JSON.readTree(Files.readString(document)), pathValues);
        sweep.generate();
        return List.copyOf(sweep.probes);
    }

    /**
     * Sends every probe to {@code host}:{@code port} over a plain socket (so that bytes no URI class accepts go on the
     * wire as they are), with a token {@code tokens} makes per probe, and answers the findings.
     */
    public static List<Finding> run(String host, int port, List<Probe> corpus, Function<Probe, String> tokens) {
        List<Finding> findings = new ArrayList<>();
        for (Probe probe : corpus) {
            try (Socket socket = new Socket(host, port)) {
                socket.setSoTimeout(60_000);
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                StringBuilder head = new StringBuilder()
                        .append(probe.method()).append(' ').append(probe.pathAndQuery()).append(" HTTP/1.1\r\n")
                        .append("Host: ").append(host).append(':').append(port).append("\r\n")
                        .append("Connection: close\r\n")
                        .append("Authorization: Bearer ").append(tokens.apply(probe)).append("\r\n");
                if (probe.contentType() != null) {
                    head.append("Content-Type: ").append(probe.contentType()).append("\r\n");
                }
                probe.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
                byte[] body = probe.body() == null ? new byte[0] : probe.body();
                if (probe.body() != null || !probe.method().equals("GET")) {
                    head.append("Content-Length: ").append(body.length).append("\r\n");
                }
                request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
                request.writeBytes(body);
                // Written beside the read: a server may answer (413, say) and close before it has read the body.
                Thread writer = new Thread(() -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(request.toByteArray());
                        out.flush();
                    } catch (IOException closedEarly) {
                        // The answer, if any, is read below.
                    }
                }, "sweep-writer");
                writer.setDaemon(true);
                writer.start();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int headEnd = answer.indexOf("\r\n\r\n");
                String[] lines = (headEnd < 0 ? answer : answer.substring(0, headEnd)).split("\r\n");
                String[] statusLine = lines[0].split(" ");
                int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
                String type = "";
                for (String line : lines) {
                    if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                        type = line.substring(13).trim();
                    }
                }
                String text = headEnd < 0 ? "" : answer.substring(headEnd + 4);
                // A URI no URI parser takes ("%zz") is refused by the HTTP adapter before any filter or route can
                // answer: there only "no 5xx" is asked (docs/reliability.md).
                boolean problemRequired = !INVALID_ESCAPE.matcher(probe.pathAndQuery()).find();
                if (status < 100 || status >= 500
                        || (status >= 400 && problemRequired && !type.startsWith("application/problem+json"))) {
                    findings.add(new Finding(probe, status, type, text));
                }
            } catch (SocketException reset) {
                // A body far over the server's limit: the server answers 413 and closes while the rest is still
                // being sent, and the reset discards the answer on this side. Any other reset is a finding.
                if (probe.body() == null || probe.body().length < OVERSIZED) {
                    findings.add(new Finding(probe, -1, "", "no answer: " + reset));
                }
            } catch (IOException | RuntimeException e) {
                findings.add(new Finding(probe, -1, "", "no answer: " + e));
            }
        }
        return findings;
    }

    private void generate() {
        for (Map.Entry<String, JsonNode> path : document.required("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
            }
        }
    }

    private void operation(String method, String template, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        String path = template;
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asString().equals("path")) {
                String name = parameter.required("name").asString();
                path = path.replace("{" + name + "}", encode(pathValues.apply(template, name)));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        String jsonType = firstJsonType(content);
        byte[] goodBody = jsonType == null ? null : bytes(seed(schemaOf(content.path(jsonType))));
        Body good = new Body(jsonType, goodBody);

        for (JsonNode parameter : parameters) {
            String name = parameter.required("name").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.path("in").asString()) {
                case "path" -> {
                    List<String> values = new ArrayList<>(BAD_PATH_SEGMENTS);
                    if (isInteger(schema)) {
                        values.addAll(BAD_INTEGERS.stream().filter(value -> !value.isEmpty()).toList());
                    }
                    for (String value : values) {
                        String uri = template;
                        for (JsonNode other : parameters) {
                            if (other.path("in").asString().equals("path")) {
                                String otherName = other.required("name").asString();
                                uri = uri.replace("{" + otherName + "}",
                                        otherName.equals(name) ? value : encode(pathValues.apply(template, otherName)));
                            }
                        }
                        add(method, template, "path " + name + "=" + shorten(value), uri, good, Map.of());
                    }
                }
                case "query" -> {
                    for (String value : queryValues(name, schema)) {
                        add(method, template, "query " + name + "=" + shorten(value),
                                path + "?" + name + "=" + value, good, Map.of());
                    }
                    add(method, template, "query " + name + " twice", path + "?" + name + "=1&" + name + "=2",
                            good, Map.of());
                }
                case "header" -> {
                    for (String value : List.of("garbage", "\"", "W/\"x\"", "\"99999999999999999999\"", "\"-1\"",
                            "bytes=abc", "bytes=99999999999999999999-", "bytes=5-1", "bytes=-", "*", HUGE)) {
                        add(method, template, "header " + name + "=" + shorten(value), path, good,
                                Map.of(name, value));
                    }
                }
                default -> {
                }
            }
        }
        add(method, template, "unknown query parameter", path + "?%00=%00&x=" + HUGE, good, Map.of());

        if (content.isMissingNode() || content.isEmpty()) {
            if (!method.equals("GET") && !method.equals("DELETE")) {
                add(method, template, "unexpected JSON body", path, new Body("application/json",
                        "{\"a\":".getBytes(StandardCharsets.UTF_8)), Map.of());
            }
            return;
        }
        for (Map.Entry<String, JsonNode> type : content.properties()) {
            String mediaType = type.getKey();
            if (mediaType.contains("json")) {
                jsonBodies(method, template, path, mediaType, schemaOf(type.getValue()));
            } else if (mediaType.startsWith("multipart/")) {
                multipartBodies(method, template, path);
            }
        }
        byte[] body = goodBody == null ? "{}".getBytes(StandardCharsets.UTF_8) : goodBody;
        for (String wrong : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data", "multipart/form-data; boundary=", "application/json; charset=ebcdic",
                "application/json; charset=x-nonsense", "garbage", "*/*", "application/octet-stream")) {
            add(method, template, "content type " + wrong, path, new Body(wrong, body), Map.of());
        }
        add(method, template, "no content type", path, new Body(null, body), Map.of());
        add(method, template, "no body", path, new Body(jsonType, null), Map.of());
    }

    private void jsonBodies(String method, String template, String path, String type, JsonNode schema) {
        JsonNode seed = seed(schema);
        String good = JSON.writeValueAsString(seed);
        List<String> broken = new ArrayList<>(List.of("", "{", "[", "}", "null", "\"text\"", "123", "true", "[]",
                "{\"a\":", "{\"a\" 1}", "{'a': 1}", "{\"a\":1,}", "\u0000", "{\"\u0000\": 1}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
                good + "garbage", good + good));
        for (int cut : new int[] {1, good.length() / 2, good.length() - 1}) {
            if (cut > 0 && cut < good.length()) {
                broken.add(good.substring(0, cut));
            }
        }
        for (String body : broken) {
            add(method, template, "JSON " + shorten(body), path, new Body(type, body.getBytes(StandardCharsets.UTF_8)),
                    Map.of());
        }
        add(method, template, "JSON invalid UTF-8", path, new Body(type, new byte[] {'{', '"', 't', 'i', 't', 'l',
                'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}), Map.of());
        add(method, template, "JSON huge", path, new Body(type, ("{\"title\":\"" + HUGE_BODY_STRING + "\"}")
                .getBytes(StandardCharsets.UTF_8)), Map.of());
        if (seed instanceof ObjectNode object) {
            mutate(method, template, path, type, object, object, schema, "");
        }
    }

    /** Every property of {@code schema} (at {@code at} inside {@code root}) replaced by each wrong value in turn. */
    private void mutate(String method, String template, String path, String type, ObjectNode root, ObjectNode at,
                        JsonNode schema, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            JsonNode propertySchema = resolve(property.getValue());
            JsonNode original = at.get(name);
            for (JsonNode wrong : wrongValues(propertySchema)) {
                at.set(name, wrong);
                add(method, template, "JSON " + prefix + name + "=" + shorten(wrong.toString()), path,
                        new Body(type, bytes(root)), Map.of());
            }
            String kind = propertySchema.path("type").asString();
            if (kind.equals("object") || propertySchema.has("properties")) {
                ObjectNode nested = seed(propertySchema) instanceof ObjectNode object ? object : NODES.objectNode();
                at.set(name, nested);
                mutate(method, template, path, type, root, nested, propertySchema, prefix + name + ".");
            } else if (kind.equals("array") && resolve(propertySchema.path("items")).has("properties")) {
                JsonNode items = resolve(propertySchema.path("items"));
                ObjectNode element = (ObjectNode) seed(items);
                ArrayNode array = NODES.arrayNode().add(element);
                at.set(name, array);
                mutate(method, template, path, type, root, element, items, prefix + name + "[0].");
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    many.add(seed(items));
                }
                at.set(name, many);
                add(method, template, "JSON " + prefix + name + " × 10000", path, new Body(type, bytes(root)),
                        Map.of());
            }
            if (original == null) {
                at.remove(name);
            } else {
                at.set(name, original);
            }
        }
        for (String required : iterable(schema.path("required"))) {
            JsonNode original = at.remove(required);
            add(method, template, "JSON without " + prefix + required, path, new Body(type, bytes(root)), Map.of());
            if (original != null) {
                at.set(required, original);
            }
        }
    }

    private List<JsonNode> wrongValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(),
                NODES.booleanNode(true)));
        String kind = schema.path("type").asString();
        switch (kind) {
            case "integer", "number" -> {
                values.add(NODES.stringNode("abc"));
                values.add(NODES.numberNode(-1));
                values.add(NODES.numberNode(0));
                values.add(NODES.numberNode(1.5));
                values.add(NODES.numberNode(2147483648L));
                values.add(NODES.numberNode(-2147483649L));
                values.add(NODES.numberNode(Long.MAX_VALUE));
                values.add(NODES.numberNode(Long.MIN_VALUE));
                values.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999999999")));
                values.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
                values.add(NODES.numberNode(Double.MAX_VALUE));
                values.add(NODES.stringNode("NaN"));
            }
            case "boolean" -> values.add(NODES.stringNode("maybe"));
            case "array" -> {
                values.add(NODES.stringNode("x"));
                values.add(NODES.arrayNode().add(NODES.nullNode()));
                values.add(NODES.arrayNode().add(123).add(NODES.objectNode()));
                values.add(NODES.arrayNode().add("\u0000"));
            }
            case "object" -> {
                values.add(NODES.stringNode("x"));
                values.add(NODES.numberNode(1));
            }
            default -> {
                values.add(NODES.numberNode(123));
                values.add(NODES.stringNode(""));
                for (String text : BAD_TEXT) {
                    values.add(NODES.stringNode(text));
                }
                values.add(NODES.stringNode(HUGE));
                values.add(NODES.stringNode("NOT_AN_ENUM"));
                values.add(NODES.stringNode("javascript:alert(1)"));
                values.add(NODES.stringNode("http://[::1"));
                values.add(NODES.stringNode("9999-99-99T99:99:99Z"));
                values.add(NODES.stringNode("+999999999-12-31T23:59:59Z"));
            }
        }
        return values;
    }

    private List<String> queryValues(String name, JsonNode schema) {
        List<String> values = new ArrayList<>();
        values.add("");
        values.add("%00");
        values.add("a%00b");
        values.add("%07%1B%7F");
        values.add("%0D%0A");
        values.add("%FF%FE");
        values.add("%C0%80");
        values.add("%ED%A0%80");
        values.add("%");
        values.add("%zz");
        values.add(HUGE);
        values.add("NOT_AN_ENUM");
        values.add("%27%20OR%201%3D1--");
        values.add("%25");
        if (isInteger(schema)) {
            values.addAll(BAD_INTEGERS);
        }
        if (name.toLowerCase().contains("cursor") || name.equals("after")) {
            values.addAll(BAD_CURSORS);
        }
        return values;
    }

    private void multipartBodies(String method, String template, String path) {
        String boundary = "sweep-boundary";
        String type = "multipart/form-data; boundary=" + boundary;
        String metadata = "{\"title\":\"T\",\"artist\":\"A\"}";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty", "");
        bodies.put("only closing", "--" + boundary + "--\r\n");
        bodies.put("garbage", "not multipart at all");
        bodies.put("no closing", part(boundary, "metadata", null, "application/json", metadata));
        bodies.put("metadata only", part(boundary, "metadata", null, "application/json", metadata) + close(boundary));
        bodies.put("file only", part(boundary, "file", "a.mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("bad metadata JSON", part(boundary, "metadata", null, "application/json", "{\"title\":")
                + part(boundary, "file", "a.mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("metadata NUL", part(boundary, "metadata", null, "application/json",
                "{\"title\":\"\\u0000\",\"artist\":\"A\\u0000\"}")
                + part(boundary, "file", "a.mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("metadata wrong types", part(boundary, "metadata", null, "application/json",
                "{\"title\":1,\"artist\":[],\"bpm\":\"fast\",\"durationMs\":1e400}")
                + part(boundary, "file", "a.mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("metadata array", part(boundary, "metadata", null, "application/json", "[]")
                + part(boundary, "file", "a.mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("no part name", "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + close(boundary));
        bodies.put("no part headers end", "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"");
        bodies.put("NUL in part name", part(boundary, "meta\u0000data", null, "application/json", metadata)
                + close(boundary));
        bodies.put("NUL in file name", part(boundary, "metadata", null, "application/json", metadata)
                + part(boundary, "file", "a\u0000.mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("huge file name", part(boundary, "metadata", null, "application/json", metadata)
                + part(boundary, "file", HUGE + ".mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("bad part content type", part(boundary, "metadata", null, "garbage/", metadata)
                + part(boundary, "file", "a.mp3", ";;;", "ID3abc") + close(boundary));
        bodies.put("two files", part(boundary, "metadata", null, "application/json", metadata)
                + part(boundary, "file", "a.mp3", "audio/mpeg", "ID3abc")
                + part(boundary, "file", "b.mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("two metadata", part(boundary, "metadata", null, "application/json", metadata)
                + part(boundary, "metadata", null, "application/json", metadata)
                + part(boundary, "file", "a.mp3", "audio/mpeg", "ID3abc") + close(boundary));
        bodies.put("empty file", part(boundary, "metadata", null, "application/json", metadata)
                + part(boundary, "file", "a.mp3", "audio/mpeg", "") + close(boundary));
        bodies.put("huge part header", "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\nX: "
                + "h".repeat(OVERSIZED) + "\r\n\r\n" + metadata + "\r\n" + close(boundary));
        bodies.put("truncated file", part(boundary, "metadata", null, "application/json", metadata)
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp3\"\r\n"
                + "Content-Type: audio/mpeg\r\n\r\nID3abcdef");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            add(method, template, "multipart " + body.getKey(), path,
                    new Body(type, body.getValue().getBytes(StandardCharsets.UTF_8)), Map.of());
        }
        add(method, template, "multipart wrong boundary", path, new Body("multipart/form-data; boundary=other",
                bodies.get("metadata only").getBytes(StandardCharsets.UTF_8)), Map.of());
        add(method, template, "multipart huge boundary", path, new Body("multipart/form-data; boundary=" + HUGE,
                bodies.get("metadata only").getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    private static String part(String boundary, String name, String filename, String type, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type
                + "\r\n\r\n" + content + "\r\n";
    }

    private static String close(String boundary) {
        return "--" + boundary + "--\r\n";
    }

    private record Body(String type, byte[] bytes) {
    }

    private void add(String method, String template, String what, String pathAndQuery, Body body,
                     Map<String, String> headers) {
        probes.add(new Probe(method, template, what, pathAndQuery, body.type(), headers, body.bytes()));
    }

    /** A body the schema accepts in shape: the required properties, each with a value of its type. */
    private JsonNode seed(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        String format = resolved.path("format").asString();
        return switch (resolved.path("type").asString()) {
            case "integer" -> NODES.numberNode(Math.max(1, resolved.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1.0, resolved.path("minimum").asDouble(1)));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            case "string" -> NODES.stringNode(format.equals("date-time")
                    ? Instant.now().plus(1, ChronoUnit.DAYS).toString()
                    : resolved.path("minLength").asInt(0) > 8 ? "x".repeat(resolved.path("minLength").asInt()) : "seed");
            default -> {
                ObjectNode object = NODES.objectNode();
                for (String required : iterable(resolved.path("required"))) {
                    object.set(required, seed(resolved.path("properties").path(required)));
                }
                yield object;
            }
        };
    }

    private JsonNode schemaOf(JsonNode mediaType) {
        return resolve(mediaType.path("schema"));
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        while (at.has("$ref")) {
            String ref = at.get("$ref").asString();
            at = document.at(ref.substring(1));
        }
        return at;
    }

    private static String firstJsonType(JsonNode content) {
        for (String type : iterable(content)) {
            if (type.contains("json")) {
                return type;
            }
        }
        return null;
    }

    private static Iterable<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> names.add(element.asString()));
        } else {
            names.addAll(node.propertyNames());
        }
        return names;
    }

    private static boolean isInteger(JsonNode schema) {
        return schema.path("type").asString().equals("integer");
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String value) {
        String printable = value.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\u%04x", c)
                : Character.toString(c)).reduce("", String::concat);
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + value.length() + ")" : printable;
    }
}
