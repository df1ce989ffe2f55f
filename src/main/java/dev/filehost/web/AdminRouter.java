package dev.filehost.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.HandlerType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How a section adds its routes: each behind the {@link AdminGate}, each page inside the panel's layout. */
public final class AdminRouter {
    /** A route's work, for an admin who passed the gate. */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, AdminCall call) throws Exception;
    }

    /** An admin action the services may refuse with an {@link IllegalArgumentException}. */
    @FunctionalInterface
    public interface Action {
        void run();
    }

    /** Shows the page again with the reason an action was refused. */
    @FunctionalInterface
    public interface Refused {
        void show(String reason);
    }

    private record NavEntry(String title, String path, boolean current) {
    }

    /** What the panel's layout shows besides the page's own model. */
    private record Panel(List<NavEntry> adminNav) {
    }

    private final RoutesConfig routes;
    private final AdminGate gate;
    private final Templates templates;
    private final List<AdminSection> sections;
    private final ErrorPages errors;
    private final Set<String> added = new HashSet<>();

    AdminRouter(RoutesConfig routes, AdminGate gate, Templates templates, List<AdminSection> sections,
                ErrorPages errors) {
        this.errors = errors;
        this.routes = routes;
        this.gate = gate;
        this.templates = templates;
        this.sections = sections;
    }

    public void get(String path, Handler handler) {
        routes.get(added(HandlerType.GET, path), ctx -> {
            var call = gate.admin(ctx);
            if (call.isPresent()) {
                handler.handle(ctx, call.get());
            }
        });
    }

    /** A state-changing route: the gate also checks the form's CSRF token. */
    public void post(String path, Handler handler) {
        routes.post(added(HandlerType.POST, path), ctx -> {
            var call = gate.adminPosting(ctx);
            if (call.isPresent()) {
                handler.handle(ctx, call.get());
            }
        });
    }

    /** Sends "templates/{name}.mustache", a page that extends the "admin" layout, with the panel's navigation. */
    public void show(Context ctx, int status, String name, Object page) {
        List<NavEntry> nav = sections.stream()
                .map(s -> new NavEntry(s.title(), s.path(), isCurrent(s.path(), ctx.path()))).toList();
        templates.send(ctx, status, name, new Panel(nav), page);
    }

    /** Runs the action, then sends the browser to {@code doneUrl}; a refused one shows its reason instead. */
    public void act(Context ctx, String doneUrl, Action action, Refused refused) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            refused.show(e.getMessage());
            return;
        }
        ctx.redirect(doneUrl, HttpStatus.SEE_OTHER);
    }

    /** The 404 page, for a thing a route's path names that does not exist. */
    public void notFound(Context ctx) {
        errors.notFound(ctx);
    }

    private static boolean isCurrent(String sectionPath, String path) {
        return path.equals(sectionPath) || !sectionPath.equals(AdminRoutes.ROOT) && path.startsWith(sectionPath + "/");
    }

    /** Whether a section added a route for this method and path. */
    boolean has(HandlerType method, String path) {
        return added.contains(method + " " + path);
    }

    private String added(HandlerType method, String path) {
        if (!path.equals(AdminRoutes.ROOT) && !path.startsWith(AdminRoutes.ROOT + "/")) {
            throw new IllegalArgumentException("an admin route must be under " + AdminRoutes.ROOT + ": " + path);
        }
        added.add(method + " " + path);
        return path;
    }
}
