package dev.filehost.web;

/** The panel's first page: the site's size and growth, and the node's health. */
public final class AdminDashboardSection implements AdminSection {

    private record DashboardPage() {
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    @Override
    public String path() {
        return AdminRoutes.ROOT;
    }

    @Override
    public void register(AdminRouter router) {
        router.get(path(), (ctx, call) -> router.show(ctx, 200, "admin_dashboard", new DashboardPage()));
    }
}
