package dev.filehost.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The previous and next pages of a listing, keeping its filters: the same query with another page number. */
record PageLinks(int page, String previous, String next) {

    static PageLinks of(Context ctx, int page, boolean hasMore) {
        return new PageLinks(page, page > 1 ? withPage(ctx, page - 1) : null, hasMore ? withPage(ctx, page + 1) : null);
    }

    boolean any() {
        return previous != null || next != null;
    }

    private static String withPage(Context ctx, int page) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (!param.getKey().equals("page") && !param.getKey().equals("done")) {
                param.getValue().forEach(value -> pairs.add(encode(param.getKey()) + "=" + encode(value)));
            }
        }
        pairs.add("page=" + page);
        return ctx.path() + "?" + String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
