package dev.filehost.http;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed API requests, the same sequence for the same seed: every endpoint, in the three
 * encodings clients use, with hostile values and broken framing.
 */
final class FuzzedApiRequests {
    /** The endpoints of the contract and the parameters each reads besides access_token and account_id. */
    static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
            Map.entry("authorize", List.of("key1", "key2", "username", "password")),
            Map.entry("disable_access_token", List.of()),
            Map.entry("account/info", List.of()),
            Map.entry("account/package", List.of()),
            Map.entry("file/upload", List.of("folder_id")),
            Map.entry("file/download", List.of("file_id", "short_url")),
            Map.entry("file/info", List.of("file_id")),
            Map.entry("file/edit", List.of("file_id", "filename", "fileType", "folder_id")),
            Map.entry("file/delete", List.of("file_id")),
            Map.entry("file/move", List.of("file_id", "new_parent_folder_id")),
            Map.entry("file/copy", List.of("file_id", "copy_to_folder_id")),
            Map.entry("file/url_upload_add", List.of("file_url_base64", "folder_id")),
            Map.entry("file/url_upload_status", List.of("scheduled_item_id")),
            Map.entry("folder/create", List.of("folder_name", "parent_id", "is_public", "access_password")),
            Map.entry("folder/listing", List.of("parent_folder_id")),
            Map.entry("folder/info", List.of("folder_id", "parent_folder_id")),
            Map.entry("folder/edit", List.of("folder_id", "folder_name", "parent_id", "is_public", "access_password")),
            Map.entry("folder/move", List.of("folder_id", "new_parent_folder_id")),
            Map.entry("folder/delete", List.of("folder_id")));
    private static final List<String> ENDPOINT_NAMES = ENDPOINTS.keySet().stream().sorted().toList();
    private static final String BOUNDARY = "fuzz7MA4YWxkTrZu0gW";

    /** Who the requests may claim to be, and ids of things that exist. */
    record Accounts(String token, String accountId, String otherAccountId, List<String> ownFileIds,
                    List<String> ownFolderIds, List<String> otherFileIds, List<String> otherFolderIds,
                    String key1, String key2, String username, String password) {
        Accounts withToken(String newToken) {
            return new Accounts(newToken, accountId, otherAccountId, ownFileIds, ownFolderIds, otherFileIds,
                    otherFolderIds, key1, key2, username, password);
        }
    }

    enum Encoding { QUERY, FORM, MULTIPART }

    /** One request as bytes on the wire; {@code truncated} when its body is shorter than it says. */
    record FuzzedRequest(String endpoint, Encoding encoding, String summary, byte[] bytes, boolean truncated) {
    }

    private record Param(String name, String value) {
    }

    private final Random random;
    private final HostileValues hostile;
    private Accounts accounts;

    FuzzedApiRequests(long seed, Accounts accounts) {
        this.random = new Random(seed);
        this.hostile = new HostileValues(random);
        this.accounts = accounts;
    }

    /** The owner's token, new after the previous one may have ended. */
    void useToken(String token) {
        accounts = accounts.withToken(token);
    }

    FuzzedRequest next() {
        String endpoint = ENDPOINT_NAMES.get(random.nextInt(ENDPOINT_NAMES.size()));
        Encoding encoding = Encoding.values()[random.nextInt(Encoding.values().length)];
        List<Param> params = params(endpoint);
        return switch (encoding) {
            case QUERY -> query(endpoint, params);
            case FORM -> form(endpoint, params);
            case MULTIPART -> multipart(endpoint, params);
        };
    }

    private List<Param> params(String endpoint) {
        List<Param> params = new ArrayList<>();
        credentials(params);
        for (String name : ENDPOINTS.get(endpoint)) {
            if (random.nextInt(6) > 0) {
                params.add(new Param(name, random.nextInt(3) == 0 ? hostile.any() : plausible(name)));
            }
        }
        if (random.nextInt(4) == 0) {
            // Duplicates, with the hostile copy first or last; of the credentials only now and then.
            String name = random.nextInt(4) == 0 || ENDPOINTS.get(endpoint).isEmpty()
                    ? pick(List.of("access_token", "account_id")) : pick(ENDPOINTS.get(endpoint));
            params.add(random.nextInt(params.size() + 1), new Param(name, hostile.any()));
        }
        if (random.nextInt(5) == 0) {
            params.add(new Param(pick(List.of("file_id[]", "folder_id[0]", "", "=", "&", hostile.randomUnicode(8),
                    "access_token", "x".repeat(10_000))), hostile.any()));
        }
        return params;
    }

    private void credentials(List<Param> params) {
        int choice = random.nextInt(20);
        if (choice < 15) {
            params.add(new Param("access_token", accounts.token()));
            params.add(new Param("account_id", accounts.accountId()));
        } else if (choice < 17) {
            params.add(new Param("access_token", accounts.token()));
            params.add(new Param("account_id", random.nextBoolean() ? accounts.otherAccountId() : hostile.any()));
        } else if (choice < 19) {
            params.add(new Param("access_token", hostile.any()));
            params.add(new Param("account_id", accounts.accountId()));
        } else if (random.nextBoolean()) {
            params.add(new Param("access_token", accounts.token()));
        }
    }

    private String plausible(String name) {
        return switch (name) {
            case "file_id" -> pick(random.nextInt(3) == 0 ? accounts.otherFileIds() : accounts.ownFileIds());
            case "folder_id", "parent_id", "parent_folder_id", "new_parent_folder_id", "copy_to_folder_id" ->
                    random.nextInt(5) == 0 ? "" : pick(random.nextInt(3) == 0 ? accounts.otherFolderIds()
                            : accounts.ownFolderIds());
            case "key1" -> accounts.key1();
            case "key2" -> accounts.key2();
            case "username" -> accounts.username();
            case "password" -> random.nextBoolean() ? accounts.password() : "wrong";
            case "is_public" -> Integer.toString(random.nextInt(4));
            case "file_url_base64" -> hostile.base64Url();
            case "scheduled_item_id" -> Integer.toString(random.nextInt(5));
            default -> hostile.randomUnicode(1 + random.nextInt(30));
        };
    }

    private FuzzedRequest query(String endpoint, List<Param> params) {
        String query = urlencoded(params);
        String method = random.nextInt(5) == 0 ? "POST" : "GET";
        byte[] head = head(method, endpoint + (query.isEmpty() ? "" : "?" + query), null, -1);
        return new FuzzedRequest(endpoint, Encoding.QUERY, method + " " + abbreviate(query), head, false);
    }

    private FuzzedRequest form(String endpoint, List<Param> params) {
        byte[] body = urlencoded(params).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) == 0) {
            body = concat(body, pick(List.of(new byte[] {'&', 'a', '=', (byte) 0xC3, 0x28},
                    new byte[] {'&', (byte) 0xFF, '=', '1'}, new byte[] {'&', 'n', '=', (byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        }
        String type = random.nextInt(6) == 0
                ? pick(List.of("text/plain", "application/json", "application/x-www-form-urlencoded; charset=ISO-8859-1",
                        "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencodedx", ";", "*/*"))
                : "application/x-www-form-urlencoded";
        return body(endpoint, Encoding.FORM, type, body);
    }

    private FuzzedRequest multipart(String endpoint, List<Param> params) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean fileFirst = random.nextInt(3) == 0;
        if (fileFirst) {
            filePart(body);
        }
        for (Param param : params) {
            byte[] value = random.nextInt(15) == 0 ? new byte[] {'x', (byte) 0xC0, (byte) 0xAF}
                    : param.value().getBytes(StandardCharsets.UTF_8);
            write(body, "--" + BOUNDARY + "\r\n" + partHeaders("form-data; name=\"" + param.name().replace("\"", "%22") + "\""));
            body.writeBytes(value);
            write(body, "\r\n");
        }
        if (!fileFirst && (endpoint.equals("file/upload") || random.nextInt(8) == 0)) {
            filePart(body);
        }
        write(body, random.nextInt(12) == 0 ? "--" + BOUNDARY + "\r\n" : "--" + BOUNDARY + "--\r\n");
        String type = random.nextInt(8) == 0
                ? pick(List.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"" + BOUNDARY,
                        "multipart/form-data; boundary=other", "multipart/form-data; boundary=" + "b".repeat(71),
                        "multipart/mixed; boundary=" + BOUNDARY, "multipart/form-data; boundary=" + BOUNDARY + "; boundary=x",
                        "multipart/form-data; boundary=\"a b\\\"c\""))
                : "multipart/form-data; boundary=" + (random.nextBoolean() ? BOUNDARY : "\"" + BOUNDARY + "\"");
        return body(endpoint, Encoding.MULTIPART, type, body.toByteArray());
    }

    /** Usually a well-formed part header; sometimes a broken one. */
    private String partHeaders(String disposition) {
        return switch (random.nextInt(120)) {
            case 0 -> "Content-Disposition " + disposition + "\r\n\r\n";
            case 1 -> "Content-Disposition: " + disposition + "\n\n";
            case 2 -> "Content-Disposition: " + disposition + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n";
            case 3 -> "Content-Type: text/plain\r\n\r\n";
            case 4 -> "Content-Disposition: attachment; name=\"x\"\r\n\r\n";
            case 5 -> "Content-Disposition: " + disposition + "\r\nX-Long: " + "h".repeat(20_000) + "\r\n\r\n";
            case 6 -> "Content-Disposition: " + disposition + "; name*=UTF-8''%FF%FE\r\n\r\n";
            case 7 -> "Content-Disposition: form-data; name=\"unterminated\r\n\r\n";
            default -> "Content-Disposition: " + disposition + "\r\n\r\n";
        };
    }

    private void filePart(ByteArrayOutputStream body) {
        String filename = random.nextInt(3) == 0 ? hostile.any().replace("\"", "%22") : "fuzz-" + random.nextInt(1000) + ".bin";
        String disposition = random.nextInt(6) == 0
                ? "form-data; name=\"upload_file\"; filename*=UTF-8''" + pick(List.of("%E2%82%AC.txt", "%FF.bin", "%", "a%2F..%2Fb"))
                : "form-data; name=\"upload_file\"; filename=\"" + filename + "\"";
        write(body, "--" + BOUNDARY + "\r\n" + partHeaders(disposition));
        byte[] content = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(100_000)];
        random.nextBytes(content);
        body.writeBytes(content);
        write(body, "\r\n");
    }

    /** A POST with this body, sometimes cut short of its declared length. */
    private FuzzedRequest body(String endpoint, Encoding encoding, String contentType, byte[] body) {
        boolean truncated = body.length > 1 && random.nextInt(10) == 0;
        byte[] sent = truncated ? Arrays.copyOf(body, random.nextInt(body.length)) : body;
        byte[] head = head("POST", endpoint, contentType, body.length);
        return new FuzzedRequest(endpoint, encoding, "POST " + contentType + " " + abbreviate(new String(sent,
                StandardCharsets.ISO_8859_1)), concat(head, sent), truncated);
    }

    private byte[] head(String method, String target, String contentType, int contentLength) {
        StringBuilder head = new StringBuilder(method + " /api/v2/" + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encoded pairs, now and then with a broken escape or a stray separator. */
    private String urlencoded(List<Param> params) {
        StringBuilder out = new StringBuilder();
        for (Param param : params) {
            out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(param.name(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(param.value(), StandardCharsets.UTF_8));
        }
        if (random.nextInt(6) == 0) {
            out.append(pick(List.of("&a=%", "&a=%4", "&a=%zz", "&a=%C3%28", "&a=%FF%FE", "&a=%ED%A0%80", "&%00=%00",
                    "&&&", "&=", "&a==b", "&a=%2", "&file_id=%2B1", "&x=%F4%90%80%80")));
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
