package dev.filehost.web;

import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The site's style sheet and scripts, from the jar's "assets/" (the vendored libraries under "vendor/", see
 * its README.txt), read once at start. Javalin gzips them for clients that accept it.
 */
public final class AssetRoutes implements WebRoutes {
    public static final String PATHS = "/assets/";
    private static final List<String> NAMES = List.of("site.css", "site.js", "manager.js", "uploader.js",
            "vendor/tus.min.js");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> assets = new HashMap<>();
    private final ErrorPages errors;

    public AssetRoutes(ErrorPages errors) {
        this.errors = errors;
        for (String name : NAMES) {
            try (InputStream in = AssetRoutes.class.getResourceAsStream("/assets/" + name)) {
                assets.put(name, Objects.requireNonNull(in, name).readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATHS + "<name>", this::serve);
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] body = assets.get(name);
        if (body == null) {
            errors.notFound(ctx);
            return;
        }
        ctx.header("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.result(body);
    }
}
