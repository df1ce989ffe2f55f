package dev.filehost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageAndMetricsSettingsTest {
    private static final Map<String, String> S3 = Map.of(
            "FILEHOST_STORAGE_TYPE", "s3",
            "FILEHOST_STORAGE_S3_BUCKET", "files.example",
            "FILEHOST_STORAGE_S3_ENDPOINT", "http://minio:9000/",
            "FILEHOST_STORAGE_S3_ACCESS_KEY", "AKIAEXAMPLE",
            "FILEHOST_STORAGE_S3_SECRET_KEY", "very-secret-key",
            "FILEHOST_STORAGE_S3_PATH_STYLE", "true");

    @Test
    void defaultsAreLocalStorageAndMetricsForLoopbackOnly() {
        Settings settings = load(Map.of());

        assertThat(settings.s3Storage()).isEmpty();
        assertThat(settings.metricsAccess().permits("127.0.0.1", null)).isTrue();
        assertThat(settings.metricsAccess().permits("0:0:0:0:0:0:0:1", null)).isTrue();
        assertThat(settings.metricsAccess().permits("192.168.1.10", null)).isFalse();
        assertThat(settings.metricsAccess().token()).isEmpty();
    }

    @Test
    void s3SettingsAreReadWithTheirDefaults() {
        S3Settings s3 = load(S3).s3Storage().orElseThrow();

        assertThat(s3).isEqualTo(new S3Settings("http://minio:9000", "files.example", "us-east-1", "AKIAEXAMPLE",
                "very-secret-key", true, 8 << 20));
        assertThat(s3.toString()).doesNotContain("very-secret-key");
        assertThat(load(with("FILEHOST_STORAGE_S3_PART_SIZE_MB", "16")).s3Storage().orElseThrow().partSizeBytes())
                .isEqualTo(16 << 20);
    }

    @Test
    void metricsAccessIsRead() {
        Settings settings = load(Map.of("FILEHOST_METRICS_ALLOW", "10.0.0.0/8, 192.168.0.0/16",
                "FILEHOST_METRICS_TOKEN", "scrape-token"));

        assertThat(settings.metricsAccess().permits("192.168.7.7", "Bearer scrape-token")).isTrue();
        assertThat(settings.metricsAccess().permits("127.0.0.1", "Bearer scrape-token")).isFalse();
        assertThat(settings.toString()).doesNotContain("scrape-token");
    }

    @Test
    void badValuesStopWithOneLineNamingTheSetting() {
        assertThatThrownBy(() -> load(Map.of("FILEHOST_STORAGE_TYPE", "ftp")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("Invalid setting FILEHOST_STORAGE_TYPE='ftp': must be local or s3");
        assertThatThrownBy(() -> load(Map.of("FILEHOST_STORAGE_TYPE", "s3")))
                .hasMessage("Missing setting filehost.storage.s3.bucket (FILEHOST_STORAGE_S3_BUCKET): "
                        + "needed because the storage type is s3");
        assertThatThrownBy(() -> load(with("FILEHOST_STORAGE_S3_BUCKET", "Bad_Bucket")))
                .hasMessage("Invalid setting FILEHOST_STORAGE_S3_BUCKET='Bad_Bucket': "
                        + "must be 3 to 63 lowercase letters, digits, dots or hyphens");
        assertThatThrownBy(() -> load(with("FILEHOST_STORAGE_S3_ENDPOINT", "minio:9000")))
                .hasMessageStartingWith("Invalid setting FILEHOST_STORAGE_S3_ENDPOINT='minio:9000'");
        assertThatThrownBy(() -> load(with("FILEHOST_STORAGE_S3_PART_SIZE_MB", "4")))
                .hasMessage("Invalid setting FILEHOST_STORAGE_S3_PART_SIZE_MB='4': must be between 5 and 512");
        assertThatThrownBy(() -> load(without("FILEHOST_STORAGE_S3_SECRET_KEY")))
                .hasMessage("Missing setting filehost.storage.s3.secret-key (FILEHOST_STORAGE_S3_SECRET_KEY): "
                        + "needed because an access key is set");
        assertThatThrownBy(() -> load(Map.of("FILEHOST_METRICS_ALLOW", "10.0.0.0/40")))
                .hasMessage("Invalid setting FILEHOST_METRICS_ALLOW='10.0.0.0/40': "
                        + "must be comma-separated address ranges such as 10.0.0.0/8,::1/128");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> env = new HashMap<>(S3);
        env.put(key, value);
        return env;
    }

    private static Map<String, String> without(String key) {
        Map<String, String> env = new HashMap<>(S3);
        env.remove(key);
        return env;
    }

    private static Settings load(Map<String, String> env) {
        return Settings.from(SettingSource.load(Optional.empty(), env));
    }
}
