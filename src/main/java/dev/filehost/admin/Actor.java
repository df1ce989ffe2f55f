package dev.filehost.admin;

/** Who does an admin action and from where: "cli:&lt;OS user&gt;" and "local" from the CLI, a user and address from the panel. */
public record Actor(String name, String address) {

    /** The operator at the server's shell. */
    public static Actor cli() {
        return new Actor("cli:" + System.getProperty("user.name", "unknown"), "local");
    }

    /** An admin in the panel, signed in as {@code username}, at the client address {@code address}. */
    public static Actor web(String username, String address) {
        return new Actor(username, address);
    }
}
