package dev.filehost.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.admin.Actor;
import dev.filehost.file.FileService;
import dev.filehost.support.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InactiveFileExpiryJobTest extends JobTestBase {

    @Test
    void filesNotDownloadedForThePackagesDaysGoToTrashAndThenThePurge() throws Exception {
        server.app().components().packageAdmin().set(Actor.cli(), "2", "days_to_keep_inactive_files", "7");
        NewUser premium = newUser("2");
        NewUser free = newUser("1");
        Session session = signIn(premium);
        String idle = upload(session, "idle.txt", uniqueContent());
        String used = upload(session, "used.txt", uniqueContent());
        String keptForever = upload(signIn(free), "kept.txt", uniqueContent());

        advance(Duration.ofDays(5));
        download(signIn(premium), used);
        advance(Duration.ofDays(1));
        jobs().inactiveFileExpiry().run();
        assertThat(status(signIn(premium), idle)).isEqualTo("active");

        advance(Duration.ofDays(2));
        assertThat(jobs().inactiveFileExpiry().run()).isPositive();
        session = signIn(premium);
        assertThat(status(session, idle)).isEqualTo("trash");
        assertThat(status(session, used)).isEqualTo("active");

        advance(Duration.ofDays(5));
        jobs().inactiveFileExpiry().run();
        session = signIn(premium);
        assertThat(status(session, used)).isEqualTo("trash");
        assertThat(status(signIn(free), keptForever)).isEqualTo("active");

        advance(server.settings().trashRetention().plusMinutes(1));
        jobs().trashPurge().run();
        session = signIn(premium);
        assertThat(info(session, idle).message()).isEqualTo(FileService.FILE_NOT_FOUND);
        assertThat(info(session, used).message()).isEqualTo(FileService.FILE_NOT_FOUND);
        assertARerunChangesNothing();
    }

    private static String status(Session session, String fileId) {
        return info(session, fileId).data().path("status").asText();
    }
}
