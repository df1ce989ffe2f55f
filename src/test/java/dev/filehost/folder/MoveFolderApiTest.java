package dev.filehost.folder;

import static dev.filehost.folder.FolderFixtures.folder;
import static dev.filehost.folder.FolderFixtures.info;
import static dev.filehost.folder.FolderFixtures.listing;
import static dev.filehost.folder.FolderFixtures.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filehost.support.ApiReply;
import dev.filehost.support.ApiTestBase;
import dev.filehost.support.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** /folder/move: anywhere in the caller's tree except into the folder itself or below it. */
class MoveFolderApiTest extends ApiTestBase {
    private static final String SUB_FOLDER = "Param new_parent_folder_id can not be a sub-folder of folder_id.";

    @Test
    void moveAnswersTheFolderWithItsNewParent() {
        Session session = signInNewUser();
        String target = folder(session, "target");
        String moving = folder(session, "layered_png_files", "access_password", "d9729feb74992cc3482b350163a1a010");

        ApiReply reply = session.call("folder/move", "folder_id", moving, "new_parent_folder_id", target);

        assertThat(reply.isSuccess()).as(reply.body()).isTrue();
        assertThat(reply.message()).isEqualTo("Folder successfully moved.");
        assertThat(reply.data().fieldNames()).toIterable().containsExactly("id", "parentId", "folderName",
                "totalSize", "isPublic", "accessPassword", "status", "date_added", "date_updated", "url_folder",
                "total_downloads", "child_folder_count", "file_count");
        assertThat(reply.data().path("accessPassword").asText()).isEqualTo("d9729feb74992cc3482b350163a1a010");
        assertThat(reply.data().path("parentId").asText()).isEqualTo(target);
        assertThat(reply.data().path("date_updated").isNull()).isFalse();
        assertThat(names(listing(session, target).path("folders"), "folderName")).containsExactly("layered_png_files");
        assertThat(names(listing(session, "").path("folders"), "folderName")).containsExactly("target");
    }

    @Test
    void allThreeNamesOfTheRootMoveToTheRoot() {
        Session session = signInNewUser();
        String parent = folder(session, "parent");
        String child = folder(session, "child", "parent_id", parent);

        for (String root : new String[] {"", "0", "null"}) {
            JsonNode moved = session.call("folder/move", "folder_id", child, "new_parent_folder_id", root).data();
            assertThat(moved.path("parentId").isNull()).as(root).isTrue();
            assertThat(session.call("folder/move", "folder_id", child, "new_parent_folder_id", parent).isSuccess())
                    .isTrue();
        }
    }

    @Test
    void aFolderNeverMovesIntoItselfOrBelowItself() {
        Session session = signInNewUser();
        String top = folder(session, "top");
        String child = folder(session, "child", "parent_id", top);
        String grandchild = folder(session, "grandchild", "parent_id", child);

        assertThat(session.call("folder/move", "folder_id", top, "new_parent_folder_id", top).message())
                .isEqualTo("Param folder_id can not match new_parent_folder_id.");
        assertThat(session.call("folder/move", "folder_id", top, "new_parent_folder_id", child).message())
                .isEqualTo(SUB_FOLDER);
        assertThat(session.call("folder/move", "folder_id", top, "new_parent_folder_id", grandchild).message())
                .isEqualTo(SUB_FOLDER);
        assertThat(session.call("folder/move", "folder_id", child, "new_parent_folder_id", grandchild).message())
                .isEqualTo(SUB_FOLDER);

        assertThat(info(session, top).path("parentId").isNull()).isTrue();
        assertThat(info(session, child).path("parentId").asText()).isEqualTo(top);
        assertThat(session.call("folder/move", "folder_id", grandchild, "new_parent_folder_id", top).isSuccess())
                .isTrue();
    }

    @Test
    void missingForeignAndBadIdsAreRefused() {
        Session session = signInNewUser();
        String mine = folder(session, "mine");
        String theirs = folder(signInNewUser(), "theirs");

        assertThat(session.call("folder/move", "new_parent_folder_id", "").message())
                .isEqualTo("Please provide the folder_id param.");
        assertThat(session.call("folder/move", "folder_id", mine).message())
                .isEqualTo("Please provide the new_parent_folder_id param.");
        for (String bad : new String[] {theirs, "abc", "0", "null"}) {
            assertThat(session.call("folder/move", "folder_id", bad, "new_parent_folder_id", mine).message()).as(bad)
                    .isEqualTo("Could not find folder based on folder_id.");
        }
        for (String bad : new String[] {theirs, "abc", "-1"}) {
            assertThat(session.call("folder/move", "folder_id", mine, "new_parent_folder_id", bad).message()).as(bad)
                    .isEqualTo("Could not find the destination folder id defined by new_parent_folder_id.");
        }
        assertThat(info(session, mine).path("parentId").isNull()).isTrue();
    }

    @Test
    void twoRacingMovesNeverMakeACycle() throws Exception {
        Session session = signInNewUser();
        for (int round = 0; round < 15; round++) {
            String a = folder(session, "a" + round);
            String b = folder(session, "b" + round);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<ApiReply> aIntoB = CompletableFuture.supplyAsync(() -> moveAfter(start, session, a, b));
            CompletableFuture<ApiReply> bIntoA = CompletableFuture.supplyAsync(() -> moveAfter(start, session, b, a));

            List<ApiReply> replies = List.of(aIntoB.get(), bIntoA.get());

            assertThat(replies).filteredOn(ApiReply::isSuccess).hasSize(1);
            assertThat(replies).filteredOn(ApiReply::isError).extracting(ApiReply::message).containsExactly(SUB_FOLDER);
            boolean aUnderB = b.equals(info(session, a).path("parentId").asText());
            boolean bUnderA = a.equals(info(session, b).path("parentId").asText());
            assertThat(aUnderB ^ bUnderA).isTrue();
        }
    }

    /** Three clients of one account close a ring a → b → c → a, by /folder/move and /folder/edit at once. */
    @Test
    void racingMovesOfSeveralClientsNeverCloseARing() throws Exception {
        NewUser owner = newUser("1");
        List<Session> clients = List.of(signIn(owner), signIn(owner), signIn(owner));
        for (int round = 0; round < 10; round++) {
            List<String> ring = List.of(folder(clients.get(0), "a" + round), folder(clients.get(0), "b" + round),
                    folder(clients.get(0), "c" + round));
            CyclicBarrier start = new CyclicBarrier(3);
            List<CompletableFuture<ApiReply>> moves = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Session client = clients.get(i);
                String folder = ring.get(i);
                String into = ring.get((i + 1) % 3);
                boolean byEdit = i == 1;
                moves.add(CompletableFuture.supplyAsync(() -> byEdit
                        ? callAfter(start, client, "folder/edit", "folder_id", folder, "parent_id", into)
                        : moveAfter(start, client, folder, into)));
            }

            List<ApiReply> replies = new ArrayList<>();
            for (CompletableFuture<ApiReply> move : moves) {
                replies.add(move.get());
            }
            assertThat(replies).filteredOn(ApiReply::isSuccess).hasSize(2);
            assertThat(replies).filteredOn(reply -> !reply.isSuccess()).extracting(ApiReply::message)
                    .hasSize(1).isSubsetOf("Param parent_id can not be a sub-folder of folder_id.", SUB_FOLDER);
            long atTheRoot = ring.stream().filter(id -> info(clients.get(1), id).path("parentId").isNull()).count();
            assertThat(atTheRoot).isEqualTo(1);
        }
    }

    private static ApiReply moveAfter(CyclicBarrier start, Session session, String folder, String into) {
        return callAfter(start, session, "folder/move", "folder_id", folder, "new_parent_folder_id", into);
    }

    private static ApiReply callAfter(CyclicBarrier start, Session session, String endpoint, String... params) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return session.call(endpoint, params);
    }
}
