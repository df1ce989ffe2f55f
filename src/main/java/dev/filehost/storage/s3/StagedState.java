package dev.filehost.storage.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * What a resumable upload staged in the bucket holds, kept as a small text object beside it: its
 * multipart upload, the parts that count, and the tail below a part's size, which is an object of
 * its own until the next bytes fill a part (as tusd's S3 store does). Parts uploaded but not listed
 * here (those of an interrupted or refused append) do not count; the next part with their number
 * replaces them.
 *
 * @param tailGeneration the tail object's number: each append writes a new one before this state names it
 */
record StagedState(String uploadId, List<StagedPart> parts, int tailGeneration, long tailSize) {

    record StagedPart(int number, long size, String etag) {
        CompletedPart completed() {
            return CompletedPart.builder().partNumber(number).eTag(etag).build();
        }
    }

    static StagedState started(String uploadId) {
        return new StagedState(uploadId, List.of(), 0, 0);
    }

    long partBytes() {
        return parts.stream().mapToLong(StagedPart::size).sum();
    }

    long size() {
        return partBytes() + tailSize;
    }

    int nextPartNumber() {
        return parts.size() + 1;
    }

    StagedState appended(List<StagedPart> newParts, long newTailSize) {
        List<StagedPart> all = new ArrayList<>(parts);
        all.addAll(newParts);
        return new StagedState(uploadId, List.copyOf(all), tailGeneration + 1, newTailSize);
    }

    String text() {
        StringBuilder text = new StringBuilder("upload " + uploadId + "\ntail " + tailGeneration + " " + tailSize + "\n");
        parts.forEach(part -> text.append("part ").append(part.number()).append(' ').append(part.size()).append(' ')
                .append(part.etag()).append('\n'));
        return text.toString();
    }

    static StagedState parse(String text) {
        String uploadId = null;
        int tailGeneration = 0;
        long tailSize = 0;
        List<StagedPart> parts = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.split(" ", 4);
            switch (fields[0]) {
                case "upload" -> uploadId = fields[1];
                case "tail" -> {
                    tailGeneration = Integer.parseInt(fields[1]);
                    tailSize = Long.parseLong(fields[2]);
                }
                case "part" -> parts.add(new StagedPart(Integer.parseInt(fields[1]), Long.parseLong(fields[2]),
                        fields[3]));
                default -> throw new IllegalStateException("unreadable staged state line: " + line);
            }
        }
        return new StagedState(uploadId, List.copyOf(parts), tailGeneration, tailSize);
    }
}
