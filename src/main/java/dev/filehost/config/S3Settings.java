package dev.filehost.config;

/**
 * Where and how to reach the bucket.
 *
 * @param endpoint base URL of an S3-compatible service, or empty for AWS itself
 * @param accessKey empty to use the AWS SDK's default credentials (environment, profile, instance role)
 * @param pathStyle address the bucket as {@code <endpoint>/<bucket>} rather than as a host name
 * @param partSizeBytes size of each part of a multipart upload, and of the largest blob sent in one request
 */
public record S3Settings(String endpoint, String bucket, String region, String accessKey, String secretKey,
                         boolean pathStyle, int partSizeBytes) {

    /** Settings end up in logs and error reports; the secret must not. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey="
                + accessKey + ", secretKey=" + (secretKey.isEmpty() ? "" : "***") + ", pathStyle=" + pathStyle
                + ", partSizeBytes=" + partSizeBytes + "]";
    }
}
